package dk.cmm.stats.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.RawHttp;
import dk.cmm.stats.StaffTokens;
import dk.cmm.stats.disclosure.Publication;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer cache behind GET and POST /graphql: a repeated statistics question is answered from memory, and still
 * every write (staff see live data) and every publication (callers without a token see the releases) is visible at
 * the next request. A context of its own (it publishes a year again, which other classes' anonymous answers must not
 * see).
 */
@ApiTest
@TestPropertySource(properties = "cmm.graphql.answer-cache.max-bytes=33554432")
class AnswerCacheTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOTAL_2019 = "{ personStats(filter: {assessmentYears: [2019]}) { total } }";
    /** The same question under another alias: another cache key, so always computed afresh. */
    private static final String FRESH_2019 = "{ fresh%d: personStats(filter: {assessmentYears: [2019]}) { total } }";

    @LocalServerPort
    int port;

    @Autowired
    Publication publication;

    private int freshCount;

    private HttpResponse<String> post(String query, String... headers) {
        return new RawHttp(port).post("/graphql", JSON.writeValueAsString(Map.of("query", query)), headers);
    }

    private HttpResponse<String> get(String query, String... headers) {
        return new RawHttp(port).get("/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), headers);
    }

    /** data.personStats of an answer (whatever it holds: a total, or a withheld one). */
    @SuppressWarnings("unchecked")
    private static Object personStats(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("\"errors\"");
        return ((Map<String, Object>) RawHttp.json(response.body()).get("data")).get(field);
    }

    private Object fresh(String... headers) {
        int n = ++freshCount;
        return personStats(post(FRESH_2019.formatted(n), headers), "fresh" + n);
    }

    private void createPersons(String prefix, int count) {
        for (int i = 1; i <= count; i++) {
            HttpResponse<String> created = post("mutation { createPerson(input: {caseRef: \"2019-" + prefix + i
                    + "\", assessmentYear: 2019}) { caseRef } }", "Authorization",
                    StaffTokens.bearer(StaffTokens.CASEWORKER));
            assertThat(created.body()).contains("2019-" + prefix + i).doesNotContain("errors");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldAnswerARepeatedPostAsBeforeAndAWriteAtTheNextRequest() {
        String[] staff = { "Authorization", StaffTokens.bearer(StaffTokens.ANALYST) };
        HttpResponse<String> first = post(TOTAL_2019, staff);
        HttpResponse<String> again = post(TOTAL_2019, staff);
        assertThat(again.body()).isEqualTo(first.body());
        int total = (Integer) ((Map<String, Object>) personStats(first, "personStats")).get("total");

        createPersons("9W", 1);

        Object after = personStats(post(TOTAL_2019, staff), "personStats");
        assertThat(((Map<String, Object>) after).get("total")).isEqualTo(total + 1);
        assertThat(after).isEqualTo(fresh(staff));
    }

    @Test
    void shouldAnswerAPostInTheMediaTypeAndWithTheStatusOfSpringGraphQl() {
        HttpResponse<String> graphQlResponse = post(TOTAL_2019, "Accept", "application/graphql-response+json");
        assertThat(graphQlResponse.statusCode()).isEqualTo(200);
        assertThat(graphQlResponse.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/graphql-response+json"));
        // a statistics question that does not validate: no data, so 400 with graphql-response+json, 200 with JSON
        String invalid = "{ personStats(filter: {assessmentYears: [2019]}) { noSuchField } }";
        HttpResponse<String> refused = post(invalid, "Accept", "application/graphql-response+json");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("noSuchField").doesNotContain("\"data\"");
        HttpResponse<String> json = post(invalid, "Accept", "application/json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(json.body()).contains("noSuchField");
        // what the cache does not take goes to spring-graphql's handler as it came: here its own 400
        HttpResponse<String> notJson = new RawHttp(port).post("/graphql", "{\"query\": ");
        assertThat(notJson.statusCode()).isEqualTo(400);
    }

    @Test
    void shouldAnswerCallersWithoutATokenFromTheNewReleaseAtOnceWhenAYearIsPublishedAgain() {
        Object before = personStats(post(TOTAL_2019), "personStats");
        HttpResponse<String> beforeGet = get(TOTAL_2019);
        String etag = beforeGet.headers().firstValue("ETag").orElseThrow();

        // written, not published: callers without a token still get the release (and from the cache)
        createPersons("9R", 6);
        assertThat(personStats(post(TOTAL_2019), "personStats")).isEqualTo(before).isEqualTo(fresh());

        publication.publish(2019, "AnswerCacheTests");

        Object after = personStats(post(TOTAL_2019), "personStats");
        assertThat(after).isNotEqualTo(before).isEqualTo(fresh());
        HttpResponse<String> afterGet = get(TOTAL_2019, "If-None-Match", etag);
        assertThat(afterGet.statusCode()).isEqualTo(200);
        assertThat(personStats(afterGet, "personStats")).isEqualTo(after);
    }
}
