package dk.cmm.stats.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.RawHttp;
import dk.cmm.stats.StaffTokens;
import dk.cmm.stats.person.Person;
import dk.cmm.stats.storage.DataVersion;

/** GET /graphql as GraphQL-over-HTTP describes it, with ETags, 304 and Cache-Control. */
@ApiTest
class HttpCachingTests {

    static final String TOTAL_2019 = "{ personStats(filter: {assessmentYears: [2019]}) { total } }";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    DataVersion dataVersion;

    HttpResponse<String> get(String query, String... headers) {
        return new RawHttp(port).get("/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), headers);
    }

    @Test
    void shouldAnswerAQuerySentWithGetAsAPostIsAnswered() {
        HttpResponse<String> get = get("{ years }");
        HttpResponse<String> post = new RawHttp(port).post("/graphql", "{\"query\":\"{ years }\"}");
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/json"));
        assertThat(RawHttp.json(get.body())).isEqualTo(RawHttp.json(post.body()));
        assertThat(get.headers().firstValue("ETag"))
                .hasValueSatisfying(tag -> assertThat(tag).matches("\"[0-9a-f]+\""));
        assertThat(get.headers().firstValue("Cache-Control")).hasValue("max-age=60, public");
    }

    @Test
    void shouldAnswerNotModifiedToAnUnchangedQuestion() {
        String etag = get(TOTAL_2019).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = get(TOTAL_2019, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        // the same question written otherwise is the same question
        assertThat(get("query {\n  personStats(filter: {assessmentYears: [2019]}) {\n    total # all\n  }\n}",
                "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get("{ personStats(filter: {assessmentYears: [2018]}) { total } }", "If-None-Match", etag)
                .statusCode()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldChangeTheETagAndTheAnswerAtOnceAfterAWrite() {
        // staff see live data (callers without a token see the published releases, which a write does not change)
        String[] staff = { "Authorization", StaffTokens.bearer(StaffTokens.ANALYST) };
        HttpResponse<String> before = get(TOTAL_2019, staff);
        HttpResponse<String> cached = get(TOTAL_2019, staff);
        assertThat(cached.body()).isEqualTo(before.body());
        int total = ((Map<String, Map<String, Integer>>) RawHttp.json(before.body()).get("data"))
                .get("personStats").get("total");

        HttpResponse<String> created = new RawHttp(port).post("/graphql", """
                {"query": "mutation { createPerson(input: {caseRef: \\"2019-9E1\\", assessmentYear: 2019}) \
                { caseRef } }"}
                """, "Authorization", StaffTokens.bearer(StaffTokens.CASEWORKER));
        try {
            assertThat(created.body()).contains("2019-9E1").doesNotContain("errors");

            String etag = before.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> after = get(TOTAL_2019, staff[0], staff[1], "If-None-Match", etag);
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
            assertThat(((Map<String, Map<String, Integer>>) RawHttp.json(after.body()).get("data"))
                    .get("personStats").get("total")).isEqualTo(total + 1);
        } finally {
            // the context, and its bundled data, is shared with the classes that check 2019's published total
            mongo.remove(Query.query(Criteria.where("_id").is("2019-9E1")), Person.COLLECTION);
            dataVersion.bump();
        }
    }

    @Test
    void shouldNeverLetASharedCacheKeepAnAnswerThatNeededAToken() {
        HttpResponse<String> staff = get("{ personStats(groupBy: [GENDER]) { total } }", "Authorization",
                StaffTokens.bearer(StaffTokens.ANALYST));
        assertThat(staff.statusCode()).isEqualTo(200);
        // the token reached the field guard: a breakdown of all years, which anonymous callers may not ask for
        assertThat(staff.body()).contains("\"total\":").doesNotContain("errors");
        assertThat(staff.headers().firstValue("Cache-Control")).hasValue("no-store, private");
        assertThat(staff.headers().allValues("Vary").toString()).contains("Authorization");
        HttpResponse<String> anonymous = get("{ personStats(groupBy: [GENDER]) { total } }");
        assertThat(anonymous.headers().firstValue("ETag")).isNotEqualTo(staff.headers().firstValue("ETag"));
    }

    @Test
    void shouldNotLetACacheKeepAnAnswerWithErrors() {
        HttpResponse<String> refused = get("{ persons { totalCount } }");
        assertThat(refused.body()).contains("UNAUTHORIZED");
        assertThat(refused.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRefuseAMutationSentWithGetWithAJsonError() {
        HttpResponse<String> refused = get("mutation { setYearNote(input: {year: 2012}) { year } }");
        assertThat(refused.statusCode()).isEqualTo(405);
        assertThat(refused.headers().firstValue("Allow")).hasValue("POST");
        List<Map<String, Object>> errors = (List<Map<String, Object>>) RawHttp.json(refused.body()).get("errors");
        assertThat(errors).singleElement().satisfies(error -> assertThat((String) error.get("message"))
                .contains("POST"));
    }

    @Test
    void shouldRefuseAGetWithoutAQueryOrWithBadVariablesWithAJsonError() {
        assertThat(new RawHttp(port).get("/graphql").body()).contains("'query' parameter");
        HttpResponse<String> bad = new RawHttp(port).get("/graphql?query=%7Byears%7D&variables=%5B1%5D");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("'variables' parameter must be a JSON object");
    }
}
