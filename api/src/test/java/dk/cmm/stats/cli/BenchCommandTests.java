package dk.cmm.stats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench} runs end to end on a small size and reports every row, measured or skipped with a reason. Its
 * figures are not asserted: speed is judged from a full-size run's output, not from a test.
 */
class BenchCommandTests {

    @TempDir
    Path folder;

    @Test
    void shouldPrintTheTableAndWriteEveryRowToJson() throws Exception {
        Path json = folder.resolve("bench.json");
        MainTests.Output output = MainTests.Output.capture(() -> Main.run("bench", "--persons", "2000",
                "--requests", "300", "--runs", "3", "--clients", "4", "--json", json.toString()));
        assertThat(output.exitCode()).as(output.err()).isZero();
        assertThat(output.out()).contains("measurement").contains("(1) GraphQL / driver")
                .contains("(2) cached / uncached throughput").contains("(3) CSV import / raw insertMany")
                .contains("(4) export of the 2012 report").contains("plain-Java floor")
                .contains("(5) first anonymous answer after a write")
                .doesNotContain("Protected tables not built ahead");

        JsonNode report = JsonMapper.builder().build().readTree(Files.readString(json, StandardCharsets.UTF_8));
        assertThat(report.get("setup").get("machine").asString()).contains("cores");
        List<String> ids = report.get("rows").valueStream().map(row -> row.get("id").asString()).toList();
        assertThat(ids).contains("0.gen", "1.api", "1.driver", "1.ratio", "1.plan", "2.uncached", "2.cached",
                "2.ratio", "2.version", "3.import", "3.raw", "3.ratio", "4.2012", "4.all", "1.floor", "1.floorx", "5.first",
                "5.repeat", "5.afterWrite", "5.publish", "5.afterPublish", "2.get");
        // a write leaves the public answer as it was (it comes from the published release)
        assertThat(report.get("rows").valueStream().filter(row -> row.get("id").asString().equals("5.afterWrite"))
                .findFirst().orElseThrow().get("note").asString()).contains("unchanged");
        report.get("rows").valueStream().forEach(row -> {
            String status = row.get("status").asString();
            if (status.equals("SKIPPED")) {
                assertThat(row.get("note").asString()).as(row.toString()).startsWith("skipped:");
            } else if (status.equals("NOTE")) {
                assertThat(row.get("note").asString()).as(row.toString()).isNotBlank();
            } else {
                assertThat(row.get("value").asDouble()).as(row.toString()).isPositive();
            }
        });
    }
}
