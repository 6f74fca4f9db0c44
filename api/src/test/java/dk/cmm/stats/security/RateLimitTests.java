package dk.cmm.stats.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dk.cmm.stats.RawHttp;
import dk.cmm.stats.StaffTokens;

/** Anonymous callers are limited per address (429 with a JSON error and Retry-After); token holders are not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cmm.data-dir=target/test-data/rate-${random.uuid}", "cmm.security.anonymous-burst=3",
        "cmm.security.anonymous-per-minute=1" })
@Import(StaffTokens.Install.class)
class RateLimitTests {

    @LocalServerPort
    int port;

    @Test
    void shouldAnswer429OnceAnAnonymousClientHasUsedItsBurst() {
        RawHttp http = new RawHttp(port);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> staff = http.post("/graphql", "{\"query\":\"{ years }\"}", "Authorization",
                    StaffTokens.bearer(StaffTokens.ANALYST));
            assertThat(staff.statusCode()).as("token holders are not limited").isEqualTo(200);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(http.post("/graphql", "{\"query\":\"{ years }\"}").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = http.post("/graphql", "{\"query\":\"{ years }\"}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(RawHttp.json(limited.body()).toString()).contains("TOO_MANY_REQUESTS", "API token");
        assertThat(http.get("/api/stats/persons.csv").statusCode()).as("the CSV endpoints too").isEqualTo(429);
        assertThat(http.get("/graphiql?path=/graphql").statusCode()).as("GraphiQL's page is not the API")
                .isEqualTo(200);
    }
}
