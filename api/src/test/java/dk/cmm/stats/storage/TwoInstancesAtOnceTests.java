package dk.cmm.stats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dk.cmm.stats.CmmStatsApplication;

/**
 * Two {@code serve} started at the same moment on an empty data folder, on the embedded default (issue 23,
 * failure 3): one owns the folder, the other waits for its server and joins it; both load and publish the bundled
 * data on a database that held nothing, and both come up and answer the same public numbers.
 */
class TwoInstancesAtOnceTests {

    @TempDir
    Path dataDir;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String post(int port, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/graphql")).header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void shouldBringBothUpWhenStartedTogetherOnAnEmptyFolder() throws Exception {
        List<ConfigurableApplicationContext> contexts = new ArrayList<>();
        startTogether(contexts, "--cmm.data-dir=" + dataDir);
        try {
            assertThat(contexts).extracting(c -> c.getBean(MongoEndpoint.class).embedded().ownsServer())
                    .as("one owns the folder, the other joined it").containsExactlyInAnyOrder(true, false);
            assertSamePublicAnswers(contexts);
        } finally {
            contexts.forEach(ConfigurableApplicationContext::close);
        }
    }

    /** Starts two instances at the same moment with {@code args}, into {@code contexts} (closed by the caller). */
    static void startTogether(List<ConfigurableApplicationContext> contexts, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--cmm.storage.exit-on-failure=false"));
        all.addAll(List.of(args));
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<ConfigurableApplicationContext>> starts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            starts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return new SpringApplicationBuilder(CmmStatsApplication.class).run(all.toArray(String[]::new));
            }));
        }
        go.countDown();
        try {
            for (CompletableFuture<ConfigurableApplicationContext> start : starts) {
                contexts.add(start.get(120, TimeUnit.SECONDS));
            }
        } catch (Exception e) {
            for (CompletableFuture<ConfigurableApplicationContext> start : starts) {
                start.thenAccept(ConfigurableApplicationContext::close); // one that came up beside the failure
            }
            throw e;
        }
    }

    /** The anonymous total of 2012 comes from the published release: both instances publish and read it. */
    static void assertSamePublicAnswers(List<ConfigurableApplicationContext> contexts) throws Exception {
        String query = "{\"query\":\"{ personStats(filter: {assessmentYears: [2012]}) { total } }\"}";
        List<String> answers = new ArrayList<>();
        for (ConfigurableApplicationContext context : contexts) {
            answers.add(post(((WebServerApplicationContext) context).getWebServer().getPort(), query));
        }
        assertThat(answers.get(0)).contains("\"total\":66").doesNotContain("errors");
        assertThat(answers.get(1)).isEqualTo(answers.get(0));
    }
}
