package dk.cmm.stats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.cmm.stats.cli.MainTests.Output;

/**
 * An import that fills the disk (a small tmpfs) tells so in one line, and no byte it writes, to the console or to
 * its log file, holds a value of the records it was writing: the embedded server's handlers log a failed command
 * with its documents, and a record is a victim's. Skipped, saying why, where this process cannot mount a tmpfs.
 */
class FullDiskPrivacyTests {

    /** The values every record of the file holds, rare enough not to appear in any output by chance. */
    private static final List<String> VALUES = List.of("Kasakhstan", "KZ", "KAZAKHSTAN", "PROSTITUTION",
            "Prostitution", "47", "CRISIS_CENTRE", "Krisecenter", "173");

    @TempDir
    Path mountPoint;

    @TempDir
    Path work;

    private boolean mounted;

    @BeforeEach
    void mountSmallTmpfs() throws Exception {
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mountPoint.toString())
                .redirectErrorStream(true).start();
        boolean done = mount.waitFor(20, TimeUnit.SECONDS);
        String output = new String(mount.getInputStream().readAllBytes());
        Assumptions.assumeTrue(done && mount.exitValue() == 0,
                "skipped: cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN): " + output.trim());
        mounted = true;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            new ProcessBuilder("umount", "-l", mountPoint.toString()).start().waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldTellAFullDiskInOneLineWithoutAnyValueOfTheRecordsInTheConsoleOrTheLog() throws IOException {
        Path data = mountPoint.resolve("data");
        Path log = work.resolve("cmm-stats.log");
        Path small = persons(1, 1);
        Path large = persons(2, 6000);
        Output first = Output.capture(() -> Main.run("import", small.toString(), "--cmm.data-dir=" + data,
                "--cmm.bundled-data=NEVER"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        // leave about 300 KB: the next import's first chunks fit, a later one meets the full disk
        long free = Files.getFileStore(mountPoint).getUsableSpace();
        Files.write(mountPoint.resolve("ballast"), new byte[(int) Math.max(0, free - 300 * 1024)]);

        Output full = Output.capture(() -> Main.run("import", large.toString(), "--cmm.data-dir=" + data,
                "--cmm.bundled-data=NEVER", "--logging.file.name=" + log));

        assertThat(full.exitCode()).as(full.err()).isEqualTo(1);
        assertThat(full.err()).contains("No space left on device");
        String logged = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        String everything = full.out() + full.err() + logged;
        for (String value : VALUES) {
            assertThat(everything).as("no value of a record: " + value)
                    .doesNotContainPattern("(?<![\\w-])" + value + "(?![\\w-])");
        }
        assertThat(everything).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(full.err().lines().filter(line -> !line.isBlank()).toList()).as("one line tells it")
                .singleElement().asString().startsWith("cmm-stats: ").contains("restart");
    }

    /** A persons file of {@code count} records from case number {@code from}, all with the same values. */
    private Path persons(int from, int count) throws IOException {
        StringBuilder csv = new StringBuilder("caseRef;assessmentYear;nationality;gender;ageAtIdentification;"
                + "exploitation;stayDays;accommodation\n");
        for (int i = from; i < from + count; i++) {
            csv.append("2014-F").append(String.format("%05d", i)).append(";2014;Kasakhstan;Kvinder;47;Prostitution;173;"
                    + "Krisecenter\n");
        }
        Path file = work.resolve("persons-" + from + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }
}
