package dk.cmm.stats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The exact layer's answers that the outside trial of issue 22 found wrong, asked over HTTP without a token: a cell
 * under a published zero is an exact 0 (not withheld); a series' total is the sum of its published years; a year
 * without records is NO_DATA (never withheld, never "not published", never 0), in GraphQL and in the CSV.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExactLayerAnswersTests {

    @LocalServerPort
    int port;

    private RawHttp http;

    @BeforeAll
    void client() {
        http = new RawHttp(port);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> ask(String arguments, String token) {
        String query = "{ personStats(" + arguments + ") { total totalReason totalNoisy "
                + "groups { key { code } count noisy reason } } }";
        String body = NoisyPublicTablesTests.json(Map.of("query", query));
        var response = token == null ? http.post("/graphql", body)
                : http.post("/graphql", body, "Authorization", StaffTokens.bearer(token));
        Map<String, Object> json = RawHttp.json(response.body());
        assertThat(json).as(response.body()).doesNotContainKey("errors");
        return (Map<String, Object>) ((Map<String, Object>) json.get("data")).get("personStats");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> groups(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("groups");
    }

    @SuppressWarnings("unchecked")
    private static String code(Map<String, Object> group, int at) {
        return (String) ((List<Map<String, Object>>) group.get("key")).get(at).get("code");
    }

    @Test
    void aCellUnderAPublishedZeroIsAnExactZero() {
        // region × outcome year is in no noisy table: without this rule every cell of an empty region was withheld
        Map<String, Object> regions = ask("filter: {assessmentYears: [2012]}, groupBy: [REGION], includeEmpty: true",
                null);
        List<String> empty = groups(regions).stream().filter(g -> Integer.valueOf(0).equals(g.get("count"))
                && Boolean.FALSE.equals(g.get("noisy"))).map(g -> code(g, 0)).toList();
        assertThat(empty).as("regions with nobody in 2012").contains("NORTH_AMERICA", "OCEANIA");
        Map<String, Object> table = ask("filter: {assessmentYears: [2012]}, groupBy: [REGION, OUTCOME_YEAR], "
                + "includeEmpty: true", null);
        int checked = 0;
        for (Map<String, Object> g : groups(table)) {
            if (empty.contains(code(g, 0))) {
                assertThat(g).as(g.toString()).containsEntry("count", 0).containsEntry("noisy", false)
                        .containsEntry("reason", null);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(2 * empty.size());
    }

    @Test
    void aSeriesTotalIsTheSumOfItsPublishedYears() {
        String series = "filter: {yearFrom: 2007, yearTo: 2023}, groupBy: [ASSESSMENT_YEAR], orderBy: KEY";
        Map<String, Object> shown = ask(series, null);
        Map<String, Object> exact = ask(series, StaffTokens.ANALYST);
        int sum = groups(shown).stream().filter(g -> g.get("count") != null).mapToInt(g -> (Integer) g.get("count"))
                .sum();
        assertThat(shown.get("total")).isEqualTo(sum).isEqualTo(exact.get("total"));
        assertThat(groups(shown)).filteredOn(g -> g.get("count") == null)
                .allSatisfy(g -> assertThat(g).containsEntry("reason", "NO_DATA"))
                .extracting(g -> code(g, 0)).containsExactly("2009", "2010", "2013", "2014");
    }

    @Test
    void aYearWithoutRecordsIsNoDataForEveryCaller() {
        for (String token : new String[] { null, StaffTokens.ANALYST }) {
            Map<String, Object> total = ask("filter: {assessmentYears: [2013]}", token);
            assertThat(total).as("token %s", token).containsEntry("total", null).containsEntry("totalReason",
                    "NO_DATA");
            Map<String, Object> byYear = ask("filter: {assessmentYears: [2013]}, groupBy: [ASSESSMENT_YEAR]", token);
            assertThat(groups(byYear)).singleElement().satisfies(g -> assertThat(g).containsEntry("count", null)
                    .containsEntry("reason", "NO_DATA"));
        }
        String csv = http.get("/api/stats/persons.csv?assessmentYears=2013").body();
        assertThat(csv.lines().toList()).containsExactly("count,share,suppressed,noisy,margin,reason",
                ",,false,false,,NO_DATA");
    }
}
