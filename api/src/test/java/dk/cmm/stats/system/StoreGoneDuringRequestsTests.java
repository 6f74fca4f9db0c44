package dk.cmm.stats.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import dk.cmm.stats.CmmStatsApplication;
import dk.cmm.stats.security.ApiToken;
import dk.cmm.stats.security.ApiTokens;
import dk.cmm.stats.security.Role;
import dk.cmm.stats.storage.EmbeddedMongo;

/**
 * The owner of the data folder goes away during a burst of requests to a second instance, with and without a token:
 * no request is answered 500, including those that met the store in a filter (the token lookup, the data version,
 * the rate limit) before the instance's own check saw the owner gone; a 503 carries Retry-After.
 */
class StoreGoneDuringRequestsTests {

    private static final String TOKEN = ApiTokens.PREFIX + "test-burst-analyst-000000000000000000000000000";

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldAnswerNo500WhenTheOwnerGoesAwayDuringABurst() throws Exception {
        EmbeddedMongo owner = EmbeddedMongo.open(dataDir, 0, 64);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(CmmStatsApplication.class)
                .run("--server.port=0", "--cmm.data-dir=" + dataDir, "--cmm.storage.exit-on-failure=false",
                        "--cmm.security.anonymous-per-minute=1000000", "--cmm.security.anonymous-burst=1000000")) {
            int port = ((WebServerApplicationContext) second).getWebServer().getPort();
            second.getBean(MongoTemplate.class).save(new ApiToken("burst", "burst analyst", Role.ANALYST,
                    ApiTokens.hash(TOKEN), Instant.now(), "test", null));
            assertThat(send(port, true).statusCode()).isEqualTo(200);

            ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
            ExecutorService burst = Executors.newFixedThreadPool(6);
            long end = System.nanoTime() + Duration.ofSeconds(7).toNanos();
            List<Future<?>> clients = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                boolean token = i % 2 == 0;
                clients.add(burst.submit(() -> {
                    while (System.nanoTime() < end) {
                        HttpResponse<String> answer = send(port, token);
                        answers.add(answer.statusCode() + " " + answer.headers().firstValue("Retry-After")
                                .orElse("-") + " " + (token ? "token " : "anonymous ") + answer.body());
                    }
                    return null;
                }));
            }
            Thread.sleep(500);
            owner.close(); // its server stops, connections drop: what a kill of the owning process does to a guest
            for (Future<?> client : clients) {
                client.get();
            }
            burst.shutdown();

            assertThat(answers).as("no answer is a 500").noneMatch(answer -> answer.startsWith("500"));
            assertThat(answers).as("the store's absence is a 503 with Retry-After")
                    .anyMatch(answer -> answer.startsWith("503 10"))
                    .noneMatch(answer -> answer.startsWith("503 -"));
            assertThat(answers).allMatch(answer -> answer.startsWith("200") || answer.startsWith("503"));
        } finally {
            owner.close();
        }
    }

    private HttpResponse<String> send(int port, boolean token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/graphql")).header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ years }\"}"));
        if (token) {
            request.header("Authorization", "Bearer " + TOKEN);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
