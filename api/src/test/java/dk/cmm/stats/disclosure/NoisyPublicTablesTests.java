package dk.cmm.stats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.RawHttp;
import dk.cmm.stats.StaffTokens;

/**
 * The noisy layer as a journalist meets it, over HTTP without a token, held against the exact answers staff get:
 * for 2011 and 2012 every cell of the workload's tables with someone in it has a number (exact, or noisy with its
 * margin); exact numbers are the true ones; noisy tables add up to the exact margins; every repeat gives the same
 * answer; and the noisy cells' accuracy on 2012 (mean absolute error, share within ±2) is printed and bounded.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoisyPublicTablesTests {

    /** The default workload, as groupBy pairs. */
    static final List<List<String>> WORKLOAD = DisclosureProperties.DEFAULT_TABLES.stream()
            .map(t -> List.of(t.split(":"))).toList();

    @LocalServerPort
    int port;

    private RawHttp http;

    @BeforeAll
    void client() {
        http = new RawHttp(port);
    }

    record Cell(List<String> key, Integer count, boolean noisy, Integer margin, String reason) {
    }

    record Answer(Integer total, boolean totalNoisy, String estimate, Map<List<String>, Cell> cells) {
    }

    @SuppressWarnings("unchecked")
    Answer ask(int year, List<String> groupBy, String filter, String token) {
        String query = "{ personStats(filter: {assessmentYears: [" + year + "]" + filter + "}, groupBy: ["
                + String.join(", ", groupBy) + "], includeEmpty: true) { total totalNoisy estimate "
                + "groups { key { code } count noisy margin reason } } }";
        String body = json(Map.of("query", query));
        var response = token == null ? http.post("/graphql", body)
                : http.post("/graphql", body, "Authorization", StaffTokens.bearer(token));
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> json = RawHttp.json(response.body());
        assertThat(json).doesNotContainKey("errors");
        Map<String, Object> stats = (Map<String, Object>) ((Map<String, Object>) json.get("data")).get("personStats");
        Map<List<String>, Cell> cells = new java.util.LinkedHashMap<>();
        for (Map<String, Object> g : (List<Map<String, Object>>) stats.get("groups")) {
            List<String> key = ((List<Map<String, Object>>) g.get("key")).stream().map(k -> (String) k.get("code"))
                    .toList();
            cells.put(key, new Cell(key, (Integer) g.get("count"), (Boolean) g.get("noisy"), (Integer) g.get("margin"),
                    (String) g.get("reason")));
        }
        return new Answer((Integer) stats.get("total"), (Boolean) stats.get("totalNoisy"),
                (String) stats.get("estimate"), cells);
    }

    static String json(Object value) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(value);
    }

    @Test
    void everyOccupiedCellOfTheWorkloadHasANumberAndExactNumbersAreTrue() {
        for (int year : List.of(2011, 2012)) {
            for (List<String> table : WORKLOAD) {
                Answer truth = ask(year, table, "", StaffTokens.ANALYST);
                Answer shown = ask(year, table, "", null);
                assertThat(truth.estimate()).isEqualTo("EXACT");
                assertThat(shown.cells()).isNotEmpty();
                shown.cells().forEach((key, pub) -> {
                    assertThat(pub.count()).as("%d %s %s has a number for the public", year, table, key)
                            .isNotNull();
                    if (key.stream().anyMatch(code -> code.startsWith("OTHER_"))) {
                        return; // "other countries" of a region: no code of staff's answers
                    }
                    // staff's includeEmpty lists UNKNOWN only where some record has it
                    Cell cell = truth.cells().getOrDefault(key, new Cell(key, 0, false, null, null));
                    if (!pub.noisy()) {
                        assertThat(pub.count()).as("%d %s %s exact", year, table, key).isEqualTo(cell.count());
                        assertThat(pub.margin()).isNull();
                    }
                    if (pub.noisy()) {
                        assertThat(pub.count()).isNotNegative();
                        assertThat(pub.margin()).isPositive();
                    }
                });
            }
        }
    }

    @Test
    void noisyTablesAddUpToTheExactMarginsAndRegionsToTheirCountries() {
        for (List<String> table : WORKLOAD) {
            Answer shown = ask(2012, table, "", null);
            for (int side = 0; side < 2; side++) {
                Answer margin = ask(2012, List.of(table.get(side)), "", null);
                Map<String, Long> sums = new HashMap<>();
                int s = side;
                shown.cells().forEach((key, cell) -> sums.merge(key.get(s), cell.count() == null ? -1_000_000L
                        : cell.count(), Long::sum));
                margin.cells().forEach((key, cell) -> {
                    if (cell.count() != null && !cell.noisy()) {
                        assertThat(sums.get(key.get(0))).as("2012 %s: %s sums to its exact margin", table, key)
                                .isEqualTo((long) cell.count());
                    }
                });
            }
        }
        Answer regions = ask(2012, List.of("REGION", "GENDER"), "", null);
        for (String region : regions.cells().keySet().stream().map(k -> k.get(0)).distinct().toList()) {
            if (region.equals("UNKNOWN")) {
                continue; // no filter code; its one country is UNKNOWN itself
            }
            Answer countries = ask(2012, List.of("NATIONALITY", "GENDER"), ", region: [" + region + "]", null);
            Map<String, Long> byGender = new HashMap<>();
            countries.cells().forEach((key, cell) -> byGender.merge(key.get(1), (long) cell.count(), Long::sum));
            regions.cells().forEach((key, cell) -> {
                if (key.get(0).equals(region)) {
                    assertThat(byGender.getOrDefault(key.get(1), 0L)).as("the countries of %s sum to it", key)
                            .isEqualTo((long) cell.count());
                }
            });
        }
    }

    /**
     * A noisy cell must be one the public cannot work out: never the last unknown cell of a row or column whose total
     * and other cells are exact (its "estimate" would then be the truth with a margin it does not have). 2011's
     * contact channel × region had such a column until the pinned cells were published exact.
     */
    @Test
    void noNoisyCellIsTheRemainderOfAnExactLine() {
        int lines = 0;
        for (int year : List.of(2011, 2012)) {
            for (List<String> table : WORKLOAD) {
                Answer shown = ask(year, table, "", null);
                for (int side = 0; side < 2; side++) {
                    Answer margin = ask(year, List.of(table.get(side)), "", null);
                    int s = side;
                    for (var line : margin.cells().entrySet()) {
                        if (line.getValue().count() == null || line.getValue().noisy()) {
                            continue;
                        }
                        List<Cell> cells = shown.cells().values().stream()
                                .filter(c -> c.key().get(s).equals(line.getKey().get(0))).toList();
                        List<Cell> noisy = cells.stream().filter(Cell::noisy).toList();
                        lines++;
                        assertThat(noisy.size()).as("%d %s: the line %s has one noisy cell, %s, and every other "
                                + "cell and its total exact", year, table, line.getKey(), noisy).isNotEqualTo(1);
                    }
                }
            }
        }
        assertThat(lines).as("exact lines looked at").isGreaterThan(50);
    }

    @Test
    void everyRepeatAndEveryWayOfAskingGivesTheSameNumber() {
        Answer first = ask(2012, List.of("REGION", "GENDER"), "", null);
        Answer again = ask(2012, List.of("GENDER", "REGION"), "", null);
        first.cells().forEach((key, cell) -> {
            Cell swapped = again.cells().get(List.of(key.get(1), key.get(0)));
            assertThat(swapped.count()).isEqualTo(cell.count());
            assertThat(swapped.noisy()).isEqualTo(cell.noisy());
        });
        // a filtered sub-table is a sum of the same noisy cells
        Answer women = ask(2012, List.of("REGION"), ", gender: [FEMALE]", null);
        women.cells().forEach((key, cell) -> assertThat(cell.count())
                .isEqualTo(first.cells().get(List.of(key.get(0), "FEMALE")).count()));
        assertThat(ask(2012, List.of("REGION", "GENDER"), "", null)).isEqualTo(first);
        assertThat(first.estimate()).isEqualTo("MIXED");
    }

    @Test
    void accuracyOf2012sNoisyCells() {
        List<Integer> errors = new ArrayList<>();
        int withinMargin = 0;
        for (List<String> table : WORKLOAD) {
            Answer truth = ask(2012, table, "", StaffTokens.ANALYST);
            Answer shown = ask(2012, table, "", null);
            for (Map.Entry<List<String>, Cell> e : shown.cells().entrySet()) {
                if (e.getValue().noisy() && e.getKey().stream().noneMatch(code -> code.startsWith("OTHER_"))) {
                    Cell exact = truth.cells().get(e.getKey());
                    int error = Math.abs(e.getValue().count() - (exact == null ? 0 : exact.count()));
                    errors.add(error);
                    withinMargin += error <= e.getValue().margin() ? 1 : 0;
                }
            }
        }
        double mae = errors.stream().mapToInt(Integer::intValue).average().orElseThrow();
        double within2 = errors.stream().filter(e -> e <= 2).count() / (double) errors.size();
        System.out.printf(java.util.Locale.ROOT, "Noisy cells of 2012's workload: %d, mean absolute error %.2f, "
                + "within ±2: %.1f %%, within their margin: %.1f %%%n", errors.size(), mae, 100 * within2,
                100.0 * withinMargin / errors.size());
        assertThat(errors).hasSizeGreaterThan(100);
        // σ = 2 before post-processing gives a mean absolute error of about 1.6; the exact margins only shrink it
        assertThat(mae).isLessThan(1.6);
        assertThat(within2).isGreaterThan(0.75);
        assertThat((double) withinMargin / errors.size()).isGreaterThanOrEqualTo(0.85);
    }
}
