package dk.cmm.stats.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.NodeScripts;
import dk.cmm.stats.RawHttp;

/**
 * A front-end team's typed client: {@code src/test/node/codegen.mjs} generates TypeScript types with graphql-codegen
 * (typescript-operations, typed-document-node) from this server's schema by introspection, compiles a small urql
 * client against them with {@code tsc --strict} and runs it; a file that uses a nullable count as a number must not
 * compile. Skipped, with the reason, without node or the npm packages.
 */
@ApiTest
class TypedClientTests {

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void shouldCompileAStrictTypedUrqlClientFromTheServersSchemaAndGetTheApisAnswer() {
        NodeScripts.assumeNode("@graphql-codegen/core", "@graphql-codegen/typescript-operations",
                "@graphql-codegen/typed-document-node", "typescript", "@urql/core");
        Path out = Path.of("target/codegen").toAbsolutePath();
        Map<String, Object> run = NodeScripts.run("codegen.mjs", "http://localhost:" + port, out.toString());

        assertThat(run.get("hasBreakdownType")).isEqualTo(true);
        Map<String, Object> client = (Map<String, Object>) run.get("client");
        assertThat(client.get("status")).as("tsc --strict on the client: %s", client.get("output")).isEqualTo(0);
        Map<String, Object> misuse = (Map<String, Object>) run.get("misuse");
        assertThat(misuse.get("status")).as("a nullable count used as a number does not compile").isNotEqualTo(0);
        assertThat((List<String>) misuse.get("errors")).as("type errors, not other failures").isNotEmpty()
                .allMatch(code -> code.equals("TS2322"));

        Map<String, Object> ran = (Map<String, Object>) run.get("ran");
        assertThat((List<String>) ran.get("errors")).isEmpty();
        Map<String, Object> answer = (Map<String, Object>) RawHttp.json(new RawHttp(port).post("/graphql", """
                {"query":"{ personStats(filter: {assessmentYears: [2008, 2009, 2010, 2011, 2012]}, \
                groupBy: [ASSESSMENT_YEAR], orderBy: KEY) { total groups { key { year } count reason } } }"}""")
                .body()).get("data");
        Map<String, Object> stats = (Map<String, Object>) answer.get("personStats");
        List<Map<String, Object>> expected = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) stats.get("groups")) {
            String reason = (String) group.get("reason");
            expected.add(new java.util.LinkedHashMap<>(Map.of("year",
                    ((Map<String, Object>) ((List<?>) group.get("key")).get(0)).get("year"))));
            expected.get(expected.size() - 1).put("count", group.get("count"));
            expected.get(expected.size() - 1).put("reason", reason == null ? null
                    : reason.equals("NO_DATA") ? "no data" : reason.equals("NOT_PUBLISHED") ? "not published" : reason);
        }
        assertThat((List<Map<String, Object>>) ran.get("series")).isEqualTo(expected).hasSize(5);
        assertThat(ran.get("total")).isEqualTo(stats.get("total"));
        assertThat((Map<String, Object>) ran.get("contactsPerActivity")).containsKey("MEETING_PLACE_VESTERBRO");
        System.out.printf("graphql-codegen from the schema in %s ms; tsc --strict %s ms (client), %s ms (misuse)%n",
                run.get("generatedMs"), client.get("ms"), misuse.get("ms"));
    }
}
