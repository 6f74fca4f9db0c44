package dk.cmm.stats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cmm-stats export} through the command line, as staff run it. */
class ExportCommandTests {

    @TempDir
    Path out;

    @TempDir
    Path data;

    @Test
    void shouldExportTheReportOfAYearThroughTheCommandLine() throws IOException {
        MainTests.Output output = MainTests.Output.capture(() -> Main.run("export", "--year", "2012",
                "--out", out.toString(), "--cmm.data-dir=" + data));
        assertThat(output.exitCode()).as(output.err()).isZero();
        assertThat(output.out()).contains("Wrote " + out.resolve("2012")).contains("da, en");
        assertThat(out.resolve("2012/index.html")).isRegularFile();
        assertThat(out.resolve("2012/en/index.html")).isRegularFile();
        assertThat(out.resolve("2012/data/figure-14-2.csv")).isRegularFile();
        assertThat(Files.readString(out.resolve("index.html"))).contains("2012/index.html");

        MainTests.Output missing = MainTests.Output.capture(() -> Main.run("export", "--year", "2013",
                "--out", out.resolve("nothing").toString(), "--cmm.data-dir=" + data));
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("cmm-stats: No persons were assessed as trafficked in 2013");
        assertThat(out.resolve("nothing")).doesNotExist();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("2012", "assets",
                    "index.html");
        }
    }

    @Test
    void shouldRequireAYearOrAllYears() {
        MainTests.Output output = MainTests.Output.capture(() -> Main.run("export", "--out", out.toString()));
        assertThat(output.exitCode()).isEqualTo(2);
        assertThat(output.err()).contains("--year").contains("--all-years");
    }

    @Test
    void shouldListExportInTheHelp() {
        MainTests.Output output = MainTests.Output.capture(() -> Main.run("export", "--help"));
        assertThat(output.exitCode()).isZero();
        assertThat(output.out()).contains("--year").contains("--all-years").contains("--lang").contains("--out");
    }
}
