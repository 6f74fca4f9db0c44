package dk.cmm.stats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dk.cmm.stats.cli.Main;
import dk.cmm.stats.importer.RecordKind;

/**
 * The bundled data, dumped to CSV with {@code cmm-stats dump} and imported with {@code cmm-stats import} into an
 * empty database that never loads the bundled data itself, reproduces every number of the 2012 report and every
 * published total: the whole bundled-data contract holds on the imported copy. Dumped again, the copy gives the same
 * bytes as the original.
 */
@SpringBootTest(properties = "cmm.bundled-data=NEVER")
class CsvImportedBundledDataTests extends BundledDataContract {

    private static final Path ROOT = Path.of("target/test-data/csv-round-" + UUID.randomUUID());
    private static final Path ORIGINAL = ROOT.resolve("original");
    private static final Path IMPORTED = ROOT.resolve("imported");
    private static final Path CSV = ROOT.resolve("csv");

    @DynamicPropertySource
    static void importedDataFolder(DynamicPropertyRegistry registry) {
        registry.add("cmm.data-dir", IMPORTED::toString);
    }

    @BeforeAll
    static void dumpTheBundledDataToCsvAndImportItIntoAnEmptyDatabase() throws IOException {
        Path csv = Files.createDirectories(CSV);
        List<String> importArgs = new ArrayList<>(List.of("import"));
        for (RecordKind kind : RecordKind.values()) {
            Path file = csv.resolve(kind.fileName() + ".csv");
            assertThat(Main.run("dump", "--kind", kind.optionName(), "--output", file.toString(),
                    "--cmm.data-dir=" + ORIGINAL)).as("dump " + kind).isZero();
            importArgs.add(file.toString());
        }
        importArgs.addAll(List.of("--cmm.data-dir=" + IMPORTED, "--cmm.bundled-data=NEVER"));
        assertThat(Main.run(importArgs.toArray(String[]::new))).as("import").isZero();
    }

    @Test
    void shouldDumpTheImportedCopyToTheSameBytesAsTheOriginal() throws IOException {
        Path again = Files.createDirectories(ROOT.resolve("csv-again"));
        for (RecordKind kind : RecordKind.values()) {
            Path file = again.resolve(kind.fileName() + ".csv");
            assertThat(Main.run("dump", "--kind", kind.optionName(), "--output", file.toString(),
                    "--cmm.data-dir=" + IMPORTED)).as("dump " + kind).isZero();
            byte[] original = Files.readAllBytes(CSV.resolve(kind.fileName() + ".csv"));
            assertThat(Files.readAllBytes(file)).as(kind.fileName()).isEqualTo(original);
        }
        assertThat(Files.readAllLines(again.resolve("persons.csv"))).hasSize(1 + 986);
    }

    @Test
    void shouldHoldExactlyAsManyRecordsOfEachKindAsTheBundledData() throws IOException {
        for (RecordKind kind : RecordKind.values()) {
            String bundled = new ClassPathResource("bundled-data/" + kind.fileName() + ".jsonl")
                    .getContentAsString(StandardCharsets.UTF_8);
            long lines = bundled.lines().filter(line -> !line.isBlank()).count();
            assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), kind.documentType()))
                    .as(kind.fileName()).isEqualTo(lines);
        }
    }
}
