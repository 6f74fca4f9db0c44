package dk.cmm.stats.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.RawHttp;
import dk.cmm.stats.StaffTokens;

/**
 * The table builder as a reader meets it: {@code src/test/node/explore.e2e.mjs} drives Debian's Chromium through
 * playwright-core against this application (random port, bundled data) and compares every number on the page with
 * the API, the CSV download with the CSV endpoint, the JSON-stat download (read with jsonstat-toolkit) with the table,
 * a yearly series as columns and as a line, the shared URL, keyboard use, both languages, anonymous and analyst
 * modes, axe-core, the phone width, the time to a table (also for questions new to the server and seen by it), and
 * that no request leaves the server. It prints one line per
 * check; this test fails on any FAIL line and keeps the screenshots in {@code target/explore/}. Skipped, saying what
 * is missing, without node, the npm packages ({@code npm ci --prefix api/src/test/node}) or Chromium.
 */
@ApiTest
class ExplorerBrowserTests {

    private static final Path SCRIPT = Path.of("src/test/node/explore.e2e.mjs");
    private static final Path PACKAGES = Path.of("src/test/node/node_modules");
    private static final List<Path> CHROMIUM = List.of(Path.of("/usr/bin/chromium"),
            Path.of("/usr/bin/chromium-browser"));

    @LocalServerPort
    int port;

    @Test
    void shouldServeTheExplorerAndTheHomePageFromTheJarWithAPolicyThatAllowsOnlyThisServer() {
        RawHttp http = new RawHttp(port);
        HttpResponse<String> explore = http.get("/explore?subject=persons&from=2012&to=2012");
        assertThat(explore.statusCode()).isEqualTo(200);
        assertThat(explore.body()).contains("<script type=\"module\" src=\"/explore/app.js\">");
        assertThat(explore.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'").doesNotContain("http"));
        HttpResponse<String> home = http.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("href=\"/explore\"", "href=\"/graphiql\"")
                .as("the public home page lists the exported reports and tells visitors no command")
                .doesNotContain("cmm-stats export", "<!--reports-->");
        assertThat(http.get("/explore/app.js").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldPassEveryCheckOfTheBrowserScript() throws Exception {
        Path chromium = CHROMIUM.stream().filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(chromium != null, "no Chromium installed (.ci/run installs Debian's chromium)");
        assumeTrue(Files.isDirectory(PACKAGES.resolve("playwright-core")) && Files.isDirectory(PACKAGES.resolve("axe-core")),
                "npm packages missing: run npm ci --prefix api/src/test/node (.ci/run does)");
        assumeTrue(nodeVersion() != null, "node is not installed");

        Path out = Path.of("target/explore").toAbsolutePath();
        Path log = Files.createDirectories(out).resolve("explore-e2e.log");
        ProcessBuilder builder = new ProcessBuilder("node", SCRIPT.toString(), "http://127.0.0.1:" + port,
                StaffTokens.ANALYST, out.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CHROMIUM", chromium.toString());
        // the server publishes noisy cells (issue 22): the script checks the server's own estimates too, not only the
        // page's rendering of answers it marks noisy itself
        builder.environment().put("CMM_EXPECT_NOISY", "1");
        Process process = builder.start();
        boolean finished = process.waitFor(600, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(finished).as("the browser script finished in 10 minutes:\n" + output).isTrue();
        assertThat(output.lines().filter(line -> line.startsWith("FAIL"))).as(output).isEmpty();
        assertThat(output).as("the script ran every check").contains("SUMMARY passed=", "failed=0",
                "PASS 8. no request went anywhere but the server", "PASS 5. by keyboard only",
                "PASS 7. with an analyst token every number is the exact API answer",
                "PASS the JSON-stat download, read with jsonstat-toolkit, holds the table's numbers",
                "PASS a yearly series as a line",
                "PASS issue 25.1: a cold load at 390 px shows a loading state, then a chart and at least a few numbers",
                "PASS issue 25.2: region × gender at 390 px does not pan sideways",
                "PASS issue 25.2: a series by gender at 390 px does not pan sideways",
                "PASS issue 25.3: a three-dimension URL shows all three dimensions",
                "PASS issue 25.3: removing the third dimension mends it",
                "PASS issue 22: estimates show as ≈ with their note in Danish and English");
        assertThat(output).as("it measured the time from a choice to the table").contains("TIMING over",
                "TIMING against the 300 ms target");
        assertThat(process.exitValue()).as(output).isZero();
        for (String shot : List.of("explore-desktop.png", "explore-phone.png", "explore-desktop-anonymous.png",
                "explore-line.png", "explore-phone-first.png", "explore-estimates.png")) {
            assertThat(out.resolve(shot)).isRegularFile();
        }
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? v : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
