package dk.cmm.stats.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import dk.cmm.stats.storage.RecordWriter.WriteCounts;

/**
 * The exact semantics of an import that stops halfway (docs/operating.md, "What an import guarantees"), on the embedded
 * server and (subclass) on a real MongoDB: the files are validated first, so a bad row writes nothing; a crash
 * during writing keeps the chunks written before it, which readers see meanwhile; running the import again
 * completes it, with exactly one copy of each record and the first chunks counted unchanged.
 */
abstract class ImportSemanticsContract {

    private static final Path FILES = Path.of("target/test-data/import-semantics-" + UUID.randomUUID());

    @Autowired
    FileImporter importer;

    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void restoreTheImporter() {
        importer.chunkSize(FileImporter.CHUNK_SIZE);
        importer.afterEachChunk(rows -> { });
    }

    private static ImportFile persons(int year, int count, String badRow) throws IOException {
        StringBuilder csv = new StringBuilder("caseRef;assessmentYear;gender\n");
        for (int i = 0; i < count; i++) {
            csv.append(String.format("%d-X%04d;%d;%s%n", year, i, year, i % 2 == 0 ? "MALE" : "FEMALE"));
        }
        csv.append(badRow);
        Path file = FILES.resolve(year + "-" + UUID.randomUUID() + "/persons.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return ImportFile.of(file, null);
    }

    private long persons(int year) {
        return mongo.getCollection("persons").countDocuments(new Document("assessmentYear", year));
    }

    @Test
    void shouldWriteNothingWhenAnyRowIsInvalid() throws IOException {
        ImportReport report = importer.importFiles(List.of(persons(2004, 300, "2004-BAD;2004;purple\n")), false,
                "anna", ImportProgress.NONE);
        assertThat(report.refused()).isTrue();
        assertThat(persons(2004)).isZero();
    }

    @Test
    void shouldKeepTheChunksBeforeACrashVisibleAndCompleteOnTheRerunWithOneCopyEach() throws IOException {
        ImportFile file = persons(2005, 1_000, "");
        importer.chunkSize(250);
        long[] seenMeanwhile = { -1 };
        importer.afterEachChunk(rows -> {
            if (rows >= 500) {
                seenMeanwhile[0] = persons(2005); // what a reader sees while the import is under way
                throw new IllegalStateException("simulated crash after " + rows + " rows");
            }
        });
        assertThatThrownBy(() -> importer.importFiles(List.of(file), false, "anna", ImportProgress.NONE))
                .hasMessageContaining("simulated crash");
        assertThat(seenMeanwhile[0]).as("readers see the chunks written so far").isEqualTo(500);
        assertThat(persons(2005)).isEqualTo(500);

        importer.afterEachChunk(rows -> { });
        ImportReport rerun = importer.importFiles(List.of(file), false, "anna", ImportProgress.NONE);
        assertThat(rerun.total()).isEqualTo(new WriteCounts(500, 0, 500));
        assertThat(persons(2005)).isEqualTo(1_000);
    }
}
