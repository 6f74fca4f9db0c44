package dk.cmm.stats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dk.cmm.stats.CmmStatsApplication;

/**
 * A second application instance on a data folder that another process owns (here: an embedded server this test
 * opens) survives the owner's restart: while the owner is down it answers at once with HTTP 503, a GraphQL error
 * saying "the embedded server owning DATA is not running", and its readiness is down; when the owner is back (on
 * the same port) it answers again, without a restart of its own. Its liveness and health endpoints pass the
 * security chain without a token.
 */
class SecondInstanceRestartTests {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> post(int port, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldAnswer503WhileTheOwnerIsDownAndRecoverWhenItIsBack() throws Exception {
        EmbeddedMongo owner = EmbeddedMongo.open(dataDir, 0, 64);
        String query = "{\"query\":\"{ years }\"}";
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(CmmStatsApplication.class)
                .run("--server.port=0", "--cmm.data-dir=" + dataDir, "--cmm.storage.exit-on-failure=false")) {
            int port = ((WebServerApplicationContext) second).getWebServer().getPort();
            assertThat(post(port, query).statusCode()).isEqualTo(200);
            assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
            assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(200);

            owner.close();
            Thread.sleep(1500); // the owner's port is probed at most once a second

            long started = System.nanoTime();
            HttpResponse<String> down = post(port, query);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("the embedded server owning " + dataDir.toAbsolutePath()
                    + " is not running").contains("UNAVAILABLE");
            assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(503);

            owner = EmbeddedMongo.open(dataDir, 0, 64);
            Thread.sleep(1500);
            HttpResponse<String> back = post(port, query);
            assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
            assertThat(back.body()).contains("\"years\"");
        } finally {
            owner.close();
        }
    }
}
