package dk.cmm.stats.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.RawHttp;

/** GraphiQL and the printed schema are served for front-end developers. */
@ApiTest
class GraphiQlTests {

    @LocalServerPort
    int port;

    @Test
    void shouldServeGraphiQlPointingAtTheGraphQlEndpoint() {
        HttpResponse<String> page = new RawHttp(port).get("/graphiql");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(page.body()).containsIgnoringCase("graphiql");
        assertThat(page.uri().getQuery()).contains("path=/graphql");
    }

    @Test
    void shouldPrintTheSchemaWithItsDescriptions() {
        HttpResponse<String> schema = new RawHttp(port).get("/graphql/schema");
        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.body()).contains("personStats(", "hotlineStats(", "outreachStats(", "persons(",
                "type PersonConnection", "\"Counts of hotline calls, optionally grouped.\"");
    }
}
