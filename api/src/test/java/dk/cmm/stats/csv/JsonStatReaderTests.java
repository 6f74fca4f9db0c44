package dk.cmm.stats.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.NodeScripts;
import dk.cmm.stats.StaffTokens;

/**
 * The JSON-stat endpoints as analysts read them: {@code src/test/node/jsonstat.mjs} reads twelve questions (one-way,
 * two-way, year series with years without data, hotline, outreach, Danish and English, anonymous and with an
 * analyst's token) with the npm package {@code jsonstat-toolkit} and compares every cell with the GraphQL answer to
 * the same question by the same caller. Skipped, with the reason, without node or the package.
 */
@ApiTest
class JsonStatReaderTests {

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void shouldBeReadByJsonStatToolkitWithEveryCellAsTheGraphQlAnswer() {
        NodeScripts.assumeNode("jsonstat-toolkit");
        Map<String, Object> run = NodeScripts.run("jsonstat.mjs", "http://localhost:" + port, StaffTokens.ANALYST);
        Map<String, Map<String, Object>> results = (Map<String, Map<String, Object>>) run.get("results");
        assertThat(results).hasSize(13);

        results.forEach((name, r) -> {
            assertThat(r.get("httpStatus")).as(name).isEqualTo(200);
            assertThat((String) r.get("contentType")).as(name).startsWith("application/json");
            assertThat(r.get("class")).as(name).isEqualTo("dataset");
            assertThat(r.get("version")).as(name).isEqualTo("2.0");
            assertThat((List<String>) r.get("mismatches")).as(name + ": JSON-stat against GraphQL").isEmpty();
            List<Integer> size = (List<Integer>) r.get("size");
            int cells = size.stream().reduce(1, (a, b) -> a * b);
            assertThat(r.get("cells")).as(name + ": the cube is dense").isEqualTo(cells);
            assertThat(r.get("n")).as(name).isEqualTo(cells);
            assertThat(r.get("tableRows")).as(name + ": the reader's table has a row per cell").isEqualTo(cells);
            assertThat((List<String>) r.get("id")).as(name).last().isEqualTo("measure");
            assertThat((Map<String, Object>) r.get("role")).as(name).containsEntry("metric", List.of("measure"));
            Map<String, Object> extension = (Map<String, Object>) r.get("extension");
            assertThat((String) ((Map<String, Object>) extension.get("method")).get("href")).as(name)
                    .endsWith("/explore");
            assertThat((Map<String, Object>) ((Map<String, Object>) extension.get("status")).get("label")).as(name)
                    .containsKeys("c", "m", "u", "s", "z");
            assertThat((List<String>) r.get("note")).as(name).isNotEmpty();
            boolean staff = name.startsWith("staff");
            assertThat(extension.get("audience")).as(name).isEqualTo(staff ? "STAFF" : "PUBLIC");
            Map<String, Integer> statuses = (Map<String, Integer>) r.get("statusCounts");
            if (staff) {
                assertThat(statuses).as(name + ": staff see exact numbers").doesNotContainKeys("c", "u");
                assertThat(extension.get("live")).isEqualTo(true);
            } else {
                assertThat((List<?>) extension.get("release")).as(name + ": the releases it was summed from")
                        .isNotEmpty();
            }
            boolean da = name.endsWith("Da");
            assertThat(r.get("source")).as(name).isEqualTo(da ? "Center mod Menneskehandel"
                    : "Danish Centre against Human Trafficking");
            if (!name.contains("Outreach")) {
                assertThat((List<String>) r.get("measureLabels")).as(name).contains(da ? "Andel af i alt"
                        : "Share of the total");
            }
        });

        // what each kind of question must show (so that the comparison above compared something)
        assertThat(statuses(results, "anonymousWithheldDa")).as("anonymous region x gender: withheld cells")
                .containsKey("c");
        assertThat(statuses(results, "anonymousSeriesEn")).as("years without records, for the public too")
                .containsKey("m").doesNotContainKey("u");
        assertThat(statuses(results, "anonymousNoisyEn")).as("anonymous region x gender: estimates").containsKey("e");
        assertThat(results.get("anonymousNoisyEn").get("margins")).as("one margin per estimate")
                .isEqualTo(results.get("anonymousNoisyEn").get("noisyGroups"));
        assertThat((Integer) results.get("anonymousNoisyEn").get("noisyGroups")).isGreaterThan(5);
        assertThat(statuses(results, "staffSeriesEn")).as("years without records").containsKey("m");
        assertThat((List<String>) results.get("staffSeriesByGenderDa").get("noDataYears")).as(
                "the one-way question's no-data years are rows of the cross-tab").contains("2009", "2010");
        assertThat(statuses(results, "staffSeriesByGenderDa")).containsKey("m");
        assertThat(statuses(results, "anonymousOutreachEn")).as("withheld person counts of outreach")
                .containsKey("c");
        assertThat((Map<String, Object>) results.get("staffSeriesEn").get("role"))
                .containsEntry("time", List.of("ASSESSMENT_YEAR"));
        assertThat((List<String>) results.get("staffSeriesEn").get("timeCategories")).startsWith("2007", "2008",
                "2009");
        assertThat((Map<String, Object>) results.get("anonymousOneWayDa").get("role"))
                .containsEntry("geo", List.of("NATIONALITY"));
        assertThat((int) results.get("staffTwoWayEn").get("labels")).isGreaterThan(100);
        for (String name : List.of("anonymousOneWayDa", "anonymousTwoWayEn", "staffTwoWayEn", "anonymousHotlineDa")) {
            assertThat((int) results.get(name).get("groups")).as(name + " has groups").isPositive();
        }

        Map<String, Map<String, Object>> errors = (Map<String, Map<String, Object>>) run.get("errors");
        assertThat(errors.get("bad").get("status")).isEqualTo(400);
        assertThat((String) errors.get("bad").get("contentType")).startsWith("application/json");
        assertThat(errors.get("bad").get("reader").toString()).as("the reader sees a JSON-stat error")
                .contains("SLAVERY");
        assertThat(errors.get("refused").get("status")).isEqualTo(403);
        assertThat(errors.get("refused").get("body").toString()).contains("one year");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> statuses(Map<String, Map<String, Object>> results, String name) {
        return (Map<String, Integer>) results.get(name).get("statusCounts");
    }
}
