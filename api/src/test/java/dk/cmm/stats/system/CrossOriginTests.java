package dk.cmm.stats.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.RawHttp;

/** Front ends on the origins in {@code cmm.cors.allowed-origins} may call /graphql and the CSV endpoints. */
@ApiTest
@TestPropertySource(properties = "cmm.cors.allowed-origins=https://dashboard.example.org, http://localhost:5173")
class CrossOriginTests {

    static final String DASHBOARD = "https://dashboard.example.org";

    @LocalServerPort
    int port;

    @Test
    void shouldAllowAConfiguredOriginToPostGraphQlQueries() {
        HttpResponse<String> preflight = new RawHttp(port).options("/graphql", "Origin", DASHBOARD,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(DASHBOARD);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("POST"));

        HttpResponse<String> query = new RawHttp(port).post("/graphql", "{\"query\": \"{ years }\"}", "Origin",
                "http://localhost:5173");
        assertThat(query.statusCode()).isEqualTo(200);
        assertThat(query.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
        assertThat(query.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(
                headers -> assertThat(headers).contains("Retry-After", "ETag"));
    }

    @Test
    void shouldLetABrowserRevalidateAGetQuery() {
        HttpResponse<String> preflight = new RawHttp(port).options("/graphql", "Origin", DASHBOARD,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "if-none-match");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                headers -> assertThat(headers.toLowerCase()).contains("if-none-match"));
        HttpResponse<String> get = new RawHttp(port).get("/graphql?query=%7Byears%7D", "Origin", DASHBOARD);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).hasValue(DASHBOARD);
    }

    @Test
    void shouldAllowAConfiguredOriginToDownloadCsv() {
        HttpResponse<String> csv = new RawHttp(port).get("/api/stats/persons.csv?assessmentYears=2012", "Origin",
                DASHBOARD);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Access-Control-Allow-Origin")).hasValue(DASHBOARD);
        assertThat(csv.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(
                headers -> assertThat(headers).contains("Content-Disposition"));
    }

    @Test
    void shouldRefuseOtherOrigins() {
        HttpResponse<String> preflight = new RawHttp(port).options("/graphql", "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
