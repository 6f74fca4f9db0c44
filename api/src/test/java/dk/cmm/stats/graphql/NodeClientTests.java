package dk.cmm.stats.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.NodeScripts;
import dk.cmm.stats.RawHttp;

/**
 * The clients front-end teams use, run from Node ({@code api/src/test/node/graphql-clients.mjs}) with their
 * defaults: urql's default client (GET for queries), graphql-request (POST) and a plain GET with revalidation. Each
 * gets the answer a POST gets.
 */
@ApiTest
class NodeClientTests {

    static final String BREAKDOWN = "query Breakdown($year: Int!) { personStats(filter: {assessmentYears: [$year]}, "
            + "groupBy: [GENDER]) { total groups { key { code } count } } }";

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void shouldAnswerUrqlGraphQlRequestAndAPlainGet() {
        NodeScripts.assumeNode("@urql/core", "graphql-request", "graphql");
        Map<String, Object> run = NodeScripts.run("graphql-clients.mjs", "http://localhost:" + port);
        RawHttp http = new RawHttp(port);
        Object years = RawHttp.json(http.post("/graphql", "{\"query\":\"{ years }\"}").body()).get("data");
        Object breakdown = RawHttp.json(http.post("/graphql", "{\"query\":\"" + BREAKDOWN.replace("\"", "\\\"")
                + "\",\"variables\":{\"year\":2012}}").body()).get("data");
        assertThat(((Map<String, List<Integer>>) years).get("years")).contains(2012);
        assertThat(breakdown.toString()).contains("FEMALE");

        Map<String, Object> urql = (Map<String, Object>) run.get("urql");
        assertThat((List<String>) urql.get("errors")).isEmpty();
        assertThat((List<String>) urql.get("methods")).as("urql's default sends queries with GET")
                .containsOnly("GET").hasSize(2);
        assertThat(urql.get("years")).isEqualTo(years);
        assertThat(urql.get("breakdown")).isEqualTo(breakdown);

        Map<String, Object> graphqlRequest = (Map<String, Object>) run.get("graphqlRequest");
        assertThat(graphqlRequest.get("years")).isEqualTo(years);
        assertThat(graphqlRequest.get("breakdown")).isEqualTo(breakdown);

        Map<String, Object> plain = (Map<String, Object>) run.get("plainGet");
        assertThat(plain.get("status")).isEqualTo(200);
        assertThat((String) plain.get("contentType")).startsWith("application/graphql-response+json");
        assertThat(plain.get("breakdown")).isEqualTo(breakdown);
        assertThat((String) plain.get("cacheControl")).contains("public");
        assertThat(plain.get("revalidatedStatus")).as("If-None-Match with the ETag").isEqualTo(304);
    }
}
