package dk.cmm.stats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.RawHttp;
import dk.cmm.stats.StaffTokens;

/**
 * Issue 11's false zeros, for callers without a token: {@code includeEmpty} adds only codes the filter allows, on
 * the filtered dimension itself and across a nested pair (a region filter keeps its countries, a country filter its
 * region), exactly as staff see it.
 */
@ApiTest
class PublicIncludeEmptyTests {

    @LocalServerPort
    int port;

    @Test
    void shouldAddNoCodeTheFilterExcludesWithIncludeEmpty() {
        assertThat(keys(null, "{assessmentYears: [2012], region: [EUROPE]}", "REGION"))
                .as("2012 in Europe by region, without a token").containsExactly("EUROPE");
        assertThat(keys(null, "{assessmentYears: [2012], nationality: [\"NG\"]}", "REGION"))
                .as("2012's Nigerians by region").containsExactly("AFRICA");
        assertThat(keys(null, "{assessmentYears: [2012], exploitation: [FORCED_LABOUR, CRIME]}", "EXPLOITATION"))
                .containsExactlyInAnyOrder("FORCED_LABOUR", "CRIME");

        List<String> european = keys(null, "{assessmentYears: [2012], region: [EUROPE]}", "NATIONALITY");
        List<String> staff = keys(StaffTokens.ANALYST, "{assessmentYears: [2012], region: [EUROPE]}", "NATIONALITY");
        assertThat(european).as("2012 in Europe by nationality, without a token").contains("RO", "BG")
                .doesNotContain("NG", "TH", "OTHER_AFRICA", "OTHER_ASIA");
        assertThat(european.stream().filter(code -> !code.startsWith("OTHER_")))
                .as("the public's countries are among the staff's (includeEmpty adds the codebook's countries)")
                .isSubsetOf(staff);
    }

    @SuppressWarnings("unchecked")
    private List<String> keys(String token, String filter, String groupBy) {
        String query = "{ personStats(filter: " + filter + ", groupBy: [" + groupBy + "], includeEmpty: true) {"
                + " groups { key { code } } } }";
        String body = "{\"query\": " + quote(query) + "}";
        String answer = token == null ? new RawHttp(port).post("/graphql", body).body()
                : new RawHttp(port).post("/graphql", body, "Authorization", "Bearer " + token).body();
        Map<String, Object> data = (Map<String, Object>) RawHttp.json(answer).get("data");
        assertThat(data).as(answer).isNotNull();
        List<String> keys = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) ((Map<String, Object>) data.get("personStats"))
                .get("groups")) {
            keys.add((String) ((List<Map<String, Object>>) group.get("key")).get(0).get("code"));
        }
        return keys;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
