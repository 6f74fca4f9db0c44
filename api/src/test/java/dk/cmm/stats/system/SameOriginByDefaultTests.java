package dk.cmm.stats.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.RawHttp;

/** Without {@code cmm.cors.allowed-origins} no other origin is allowed to read the API from a browser. */
@ApiTest
class SameOriginByDefaultTests {

    @LocalServerPort
    int port;

    @Test
    void shouldGrantNoOriginByDefault() {
        HttpResponse<String> preflight = new RawHttp(port).options("/graphql", "Origin",
                "https://dashboard.example.org", "Access-Control-Request-Method", "POST");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> csv = new RawHttp(port).get("/api/stats/hotline.csv", "Origin",
                "https://dashboard.example.org");
        assertThat(csv.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
