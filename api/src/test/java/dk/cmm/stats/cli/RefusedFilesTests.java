package dk.cmm.stats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.cmm.stats.cli.MainTests.Output;

/**
 * Hostile or broken files are refused as files (exit 1, as the help says), in one line that names the file and
 * where, says that nothing was written, and holds no usage text and no library's own words (POI's zip bomb advice to
 * weaken a safety setting, its WARN log lines). A row far wider than its header is one problem, not one per cell.
 */
class RefusedFilesTests {

    private static final String HEADER = "caseRef;assessmentYear;nationality;gender\n";

    @TempDir
    Path dir;

    @Test
    void shouldRefuseATextFileWithANulByteInOneLine() throws IOException {
        Path csv = dir.resolve("persons.csv");
        Files.writeString(csv, HEADER + "2014-N1;2014;DK;Kvinder\n2014-N2;2014;D\0K;Kvinder\n");
        assertRefusedInOneLine(csv, "line 3, field 'nationality'");
    }

    @Test
    void shouldRefuseUtf16InOneLine() throws IOException {
        Path withBom = dir.resolve("persons-bom.csv");
        Files.write(withBom, (HEADER + "2014-U1;2014;DK;Kvinder\n").getBytes(StandardCharsets.UTF_16));
        assertRefusedInOneLine(withBom, "UTF-16");
        Path withoutBom = dir.resolve("persons-le.csv");
        Files.write(withoutBom, (HEADER + "2014-U1;2014;DK;Kvinder\n").getBytes(StandardCharsets.UTF_16LE));
        assertRefusedInOneLine(withoutBom, "line");
    }

    @Test
    void shouldRefuseAByteNeitherEncodingDefinesInOneLine() throws IOException {
        Path csv = dir.resolve("persons.csv");
        Files.write(csv, (HEADER + "2014-B1;2014;DK;K\u0081vinder\n").getBytes(StandardCharsets.ISO_8859_1));
        assertRefusedInOneLine(csv, "line 2, field 'gender'");
    }

    @Test
    void shouldRefuseRandomBytesAndATruncatedWorkbookWithoutPoisWords() throws IOException {
        Path random = dir.resolve("persons.xlsx");
        byte[] bytes = new byte[20_000];
        new Random(24).nextBytes(bytes);
        Files.write(random, bytes);
        assertRefusedInOneLine(random, "Excel");

        Path truncated = dir.resolve("persons-2014.xlsx");
        byte[] zip = zipBomb(200_000);
        Files.write(truncated, java.util.Arrays.copyOf(zip, zip.length / 2));
        assertRefusedInOneLine(truncated, "Excel");
    }

    @Test
    void shouldRefuseAZipBombWithoutPoisAdvice() throws IOException {
        Path bomb = dir.resolve("persons.xlsx");
        Files.write(bomb, zipBomb(50_000_000));
        String line = assertRefusedInOneLine(bomb, "zip bomb");
        assertThat(line).doesNotContain("ZipSecureFile").doesNotContain("setMinInflateRatio")
                .doesNotContain("Zip bomb detected");
    }

    @Test
    void shouldTellARowOfAHundredThousandCellsAsOneProblem() throws IOException {
        Path csv = dir.resolve("persons.csv");
        Files.writeString(csv, HEADER + "2014-W1;2014;DK;Kvinder" + ";x".repeat(100_000) + "\n");
        Output output = Output.capture(() -> Main.run("import", "--dry-run", csv.toString(),
                "--cmm.data-dir=" + dir.resolve("data"), "--cmm.bundled-data=NEVER"));
        assertThat(output.exitCode()).isEqualTo(1);
        assertThat(output.err().lines().filter(line -> line.contains("column without a name")).toList())
                .singleElement().asString().contains(csv + ":2: field 'column 5'").contains("99,999 more");
        assertThat(output.err().length()).as(output.err()).isLessThan(600);
    }

    private String assertRefusedInOneLine(Path file, String naming) {
        Output output = Output.capture(() -> Main.run("import", file.toString(), "--cmm.data-dir="
                + dir.resolve("data"), "--cmm.bundled-data=NEVER"));
        assertThat(output.exitCode()).as(output.err()).isEqualTo(1);
        assertThat(output.out()).isEmpty();
        assertThat(output.err().lines().toList()).as("one line").singleElement().asString()
                .startsWith("cmm-stats: " + file).contains(naming).endsWith("nothing was written")
                .doesNotContain("Usage").doesNotContain("WARN").doesNotContain("ZipPackage")
                .doesNotContain("Exception");
        return output.err();
    }

    /** A zip whose one part inflates to {@code size} bytes of spaces: far more than its size. */
    private static byte[] zipBomb(int size) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            OutputStream out = zip;
            out.write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 16];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int written = 0; written < size; written += spaces.length) {
                out.write(spaces);
            }
            out.write("</Types>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
