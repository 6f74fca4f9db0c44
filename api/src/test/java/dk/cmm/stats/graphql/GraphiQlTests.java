package dk.cmm.stats.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.NodeScripts;
import dk.cmm.stats.RawHttp;

/** GraphiQL (served from the jar, working with the network closed) and the printed schema. */
@ApiTest
class GraphiQlTests {

    @LocalServerPort
    int port;

    @Test
    void shouldServeGraphiQlWithEveryAssetFromThisServer() {
        RawHttp http = new RawHttp(port);
        HttpResponse<String> page = http.get("/graphiql");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(page.body()).doesNotContain("esm.sh").doesNotContain("http://").doesNotContain("https://");
        for (String asset : List.of("graphiql.min.js", "graphiql.min.css", "react.production.min.js",
                "react-dom.production.min.js", "graphiql/start.js")) {
            String src = page.body().replaceAll("(?s).*(?:src|href)=\"([^\"]*" + asset.replace(".", "\\.")
                    + ")\".*", "$1");
            assertThat(src).as(asset).doesNotContain("<");
            assertThat(http.get("/" + src).statusCode()).as(src).isEqualTo(200);
        }
    }

    /**
     * Headless Chromium with every request that is not to this server aborted: GraphiQL loads, runs
     * {@code { years }} typed into its editor and shows the same answer as a POST.
     */
    @Test
    @SuppressWarnings("unchecked")
    void shouldAnswerAQueryInGraphiQlWithTheNetworkClosed() {
        NodeScripts.assumeNode("playwright-core");
        Path chromium = NodeScripts.assumeChromium();
        Map<String, Object> run = NodeScripts.run("graphiql-offline.mjs", "http://localhost:" + port,
                chromium.toString());
        Map<String, Object> expected = RawHttp.json(new RawHttp(port).post("/graphql", "{\"query\":\"{ years }\"}")
                .body());
        assertThat((List<String>) run.get("blocked")).as("requests that tried to leave the server").isEmpty();
        assertThat((List<String>) run.get("errors")).as("console errors (e.g. CSP violations)").isEmpty();
        assertThat(run.get("answer")).isEqualTo(expected);
        assertThat(((Map<String, List<Integer>>) expected.get("data")).get("years")).contains(2012);
        assertThat(run.get("headersEditor")).as("the headers editor, for an API token").isEqualTo(true);
        assertThat((String) run.get("firstQuery")).as("the first screen: a commented example, not { years }")
                .startsWith("#").contains("label(lang: DA)", "label(lang: EN)", "groupBy: [ASSESSMENT_YEAR]");
        Map<String, Object> example = (Map<String, Object>) run.get("example");
        assertThat(example).as("the example answers without a token").containsKey("data").doesNotContainKey("errors");
        Map<String, Object> phone = (Map<String, Object>) run.get("phone");
        assertThat(phone.get("stacked")).as("on a phone the result pane is under the query: " + phone).isEqualTo(true);
        assertThat(((Number) phone.get("responseWidth")).intValue()).as("the result pane's width at 390 px")
                .isGreaterThan(250);
    }

    /** codegen tools pointed at the schema URL send an introspection POST there. */
    @Test
    @SuppressWarnings("unchecked")
    void shouldAnswerAnIntrospectionQueryAtTheSchemaUrlAndNothingElse() {
        RawHttp http = new RawHttp(port);
        String introspection = "{\"query\":\"query IntrospectionQuery { __schema { queryType { name } "
                + "types { name } } }\"}";
        HttpResponse<String> schema = http.post("/graphql/schema", introspection);
        assertThat(schema.statusCode()).isEqualTo(200);
        Map<String, Object> data = (Map<String, Object>) RawHttp.json(schema.body()).get("data");
        assertThat(data.toString()).contains("queryType={name=Query}", "name=PersonConnection");
        HttpResponse<String> query = http.post("/graphql/schema", "{\"query\":\"{ years }\"}");
        assertThat(query.statusCode()).isEqualTo(400);
        assertThat(query.body()).contains("introspection queries only");
    }

    @Test
    void shouldPrintTheSchemaWithItsDescriptions() {
        HttpResponse<String> schema = new RawHttp(port).get("/graphql/schema");
        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.body()).contains("personStats(", "hotlineStats(", "outreachStats(", "persons(",
                "type PersonConnection", "\"Counts of hotline calls, optionally grouped.\"");
    }
}
