package dk.cmm.stats.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.RawHttp;
import dk.cmm.stats.StaffTokens;
import dk.cmm.stats.GraphQlErrors;

/** Who may read what, over HTTP: each refusal is a GraphQL error, each read of person records is audited. */
@ApiTest
class AccessControlTests {

    static final Map<String, Object> Y2012 = Map.of("assessmentYears", List.of(2012));

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AuditLog audit;

    @Autowired
    MongoTemplate mongo;

    @LocalServerPort
    int port;

    @Test
    void shouldRefusePersonRecordsToACallerWithoutATokenAsUnauthorized() {
        ResponseError error = GraphQlErrors.onlyError(graphQl.documentName("personPage").execute(),
                "UNAUTHORIZED");
        assertThat(error.getMessage()).contains("API token", "caseworker");
        assertThat(error.getPath()).isEqualTo("persons");
        assertThat(audit.latest(1).get(0)).containsEntry("action", "LIST_PERSONS")
                .containsEntry("outcome", "DENIED").containsEntry("who", "anonymous");
    }

    @Test
    void shouldRefusePersonRecordsToAnAnalystAsForbidden() {
        ResponseError error = GraphQlErrors.onlyError(StaffTokens.as(graphQl, StaffTokens.ANALYST)
                .documentName("personPage").execute(), "FORBIDDEN");
        assertThat(error.getMessage()).contains("analyst", "caseworker");
    }

    @Test
    void shouldGiveACaseworkerPersonRecordsAndAuditWhichCaseRefsWereRead() {
        List<String> refs = StaffTokens.as(graphQl, StaffTokens.CASEWORKER).documentName("personPage")
                .variable("filter", Y2012).variable("first", 7).execute()
                .path("persons.edges[*].node.caseRef").entityList(String.class).hasSize(7).get();
        Document entry = audit.latest(1).get(0);
        assertThat(entry).containsEntry("action", "LIST_PERSONS").containsEntry("outcome", "OK")
                .containsEntry("who", "test caseworker").containsEntry("role", "CASEWORKER");
        assertThat(entry.getList("refs", String.class)).containsExactlyElementsOf(refs);
        assertThat(entry.keySet()).as("who, when, what and which records: never their contents")
                .containsExactlyInAnyOrder("_id", "at", "who", "role", "action", "outcome", "refs", "refCount",
                        "completedAt");
    }

    @Test
    void shouldGiveAnAdminEverythingACaseworkerGets() {
        StaffTokens.as(graphQl, StaffTokens.ADMIN).documentName("personPage").variable("first", 1).execute()
                .path("persons.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isPositive());
    }

    @Test
    void shouldAnswerAnUnknownBearerTokenOnGraphQlWithAnUnauthorizedGraphQlError() {
        HttpResponse<String> response = new RawHttp(port).post("/graphql", "{\"query\":\"{ years }\"}",
                "Authorization", "Bearer cmm_no-such-token");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer error=\"invalid_token\""));
        Map<String, Object> body = RawHttp.json(response.body());
        assertThat(body).doesNotContainKey("data");
        @SuppressWarnings("unchecked")
        Map<String, Object> error = ((List<Map<String, Object>>) body.get("errors")).get(0);
        assertThat(error.get("extensions")).isEqualTo(Map.of("classification", "UNAUTHORIZED"));
        assertThat((String) error.get("message")).contains("not valid");
    }

    @Test
    void shouldAnswerAnUnknownBearerTokenElsewhereWithHttp401() {
        HttpResponse<String> response = new RawHttp(port).get("/api/stats/persons.csv", "Authorization",
                "Bearer not-even-our-format");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("UNAUTHORIZED");
    }

    @Test
    void shouldStopAcceptingATokenOnceItIsRevoked() {
        ApiTokens.Issued issued = tokens.create("Politiken data desk", Role.ANALYST, "test");
        HttpGraphQlTester desk = StaffTokens.as(graphQl, issued.secret());
        desk.documentName("protectedBreakdown").variable("filter", Y2012).variable("groupBy", List.of("LABOUR_SECTOR"))
                .execute().path("personStats.groups[*].suppressed").entityList(Boolean.class)
                .satisfies(flags -> assertThat(flags).containsOnly(false));
        tokens.revoke(issued.token().id());
        ResponseError error = GraphQlErrors.onlyError(desk.documentName("years").execute(), "UNAUTHORIZED");
        assertThat(error.getMessage()).contains("revoked");
    }

    @Test
    void shouldStoreOnlyTheHashOfATokenNeverTheTokenItself() {
        ApiTokens.Issued issued = tokens.create("hash check", Role.CASEWORKER, "test");
        assertThat(issued.secret()).startsWith("cmm_").hasSize(4 + 43).matches("cmm_[A-Za-z0-9_-]{43}");
        Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(issued.token().id())), Document.class,
                ApiToken.COLLECTION);
        assertThat(stored.toJson()).doesNotContain(issued.secret()).doesNotContain(issued.secret().substring(4));
        assertThat(stored.getString("hash")).hasSize(64).isEqualTo(ApiTokens.hash(issued.secret()));
        assertThat(tokens.authenticate(issued.secret())).isPresent();
        assertThat(tokens.authenticate(issued.secret() + "x")).isEmpty();
    }

    @Test
    void shouldGiveAnAnalystExactCountsEvenWhenTheyAreSmall() {
        List<Map<String, Object>> groups = StaffTokens.as(graphQl, StaffTokens.ANALYST)
                .documentName("protectedBreakdown").variable("filter", Y2012)
                .variable("groupBy", List.of("LABOUR_SECTOR")).execute().path("personStats.groups")
                .entityList(mapType()).get();
        assertThat(groups).extracting(g -> g.get("count")).contains(7, 4, 2, 1).doesNotContainNull();
        assertThat(groups).extracting(g -> g.get("suppressed")).containsOnly(false);
    }

    @Test
    void shouldRefuseARequestBodyOverTheLimitWith413() {
        String big = "{\"query\":\"{ years }\",\"variables\":{\"pad\":\"" + "x".repeat(110 * 1024) + "\"}}";
        HttpResponse<String> response = new RawHttp(port).post("/graphql", big);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("larger than 102400 bytes");
    }

    @Test
    void shouldSendSecurityHeadersWithEveryApiAnswer() {
        HttpResponse<String> response = new RawHttp(port).post("/graphql", "{\"query\":\"{ years }\"}");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.API_POLICY);
        assertThat(response.headers().firstValue("Strict-Transport-Security")).as("not over plain http").isEmpty();
    }

    @Test
    void shouldLetGraphiQlLoadFromThisServerOnly() {
        HttpResponse<String> page = new RawHttp(port).get("/graphiql");
        assertThat(page.statusCode()).isEqualTo(200);
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self';", "connect-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("esm.sh").doesNotContain("https:").doesNotContain("unsafe-eval");
        assertThat(page.body()).doesNotContain("https://").doesNotContain("<script>");
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    static Class<Map<String, Object>> mapType() {
        return (Class) Map.class;
    }
}
