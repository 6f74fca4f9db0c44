package dk.cmm.stats.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import dk.cmm.stats.storage.RecordWriter.WriteCounts;

/** The importer writes a valid file in chunks; a crash midway and a rerun leave exactly one copy of each record. */
@SpringBootTest(properties = { "cmm.data-dir=target/test-data/${random.uuid}", "cmm.bundled-data=NEVER" })
class FileImporterTests {

    private static final Path FILES = Path.of("target/test-data/importer-" + UUID.randomUUID());

    @Autowired
    FileImporter importer;

    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void restoreTheImporter() {
        importer.chunkSize(FileImporter.CHUNK_SIZE);
        importer.afterEachChunk(rows -> { });
    }

    private static ImportFile persons(int year, int count) throws IOException {
        StringBuilder csv = new StringBuilder("caseRef;assessmentYear;gender;nationality;ageAtIdentification\n");
        for (int i = 0; i < count; i++) {
            csv.append(String.format("%d-%05d;%d;%s;%s;%d%n", year, i, year, i % 3 == 0 ? "MALE" : "FEMALE",
                    i % 2 == 0 ? "NG" : "RO", 18 + i % 40));
        }
        Path file = FILES.resolve(year + "/persons.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return ImportFile.of(file, null);
    }

    private long persons(int year) {
        return mongo.getCollection("persons").countDocuments(new Document("assessmentYear", year));
    }

    @Test
    void shouldCompleteAnImportThatCrashedMidwayWithExactlyOneCopyOfEachRecord() throws IOException {
        ImportFile file = persons(2014, 5_000);
        importer.chunkSize(1_000);
        importer.afterEachChunk(rows -> {
            if (rows >= 2_000) {
                throw new IllegalStateException("simulated crash after " + rows + " rows");
            }
        });

        assertThatThrownBy(() -> importer.importFiles(List.of(file), false, "anna", ImportProgress.NONE))
                .hasMessageContaining("simulated crash");
        assertThat(persons(2014)).as("written before the crash").isEqualTo(2_000);

        importer.afterEachChunk(rows -> { });
        ImportReport rerun = importer.importFiles(List.of(file), false, "anna", ImportProgress.NONE);

        assertThat(rerun.total()).isEqualTo(new WriteCounts(3_000, 0, 2_000));
        assertThat(persons(2014)).isEqualTo(5_000);
        List<Document> perCaseRef = mongo.getCollection("persons").aggregate(List.of(
                new Document("$match", new Document("assessmentYear", 2014)),
                new Document("$group", new Document("_id", "$_id").append("copies", new Document("$sum", 1))),
                new Document("$match", new Document("copies", new Document("$gt", 1))))).into(new ArrayList<>());
        assertThat(perCaseRef).as("case references stored more than once").isEmpty();
    }

    @Test
    void shouldTellTheProgressOfBothPassesUpToTheLastLine() throws IOException {
        ImportFile file = persons(2015, 2_500);
        importer.chunkSize(1_000);
        List<String> events = new ArrayList<>();
        ImportProgress recorder = new ImportProgress() {
            @Override
            public void start(String task, long lines) {
                events.add("start " + task.replaceAll(" .*", "") + " " + lines);
            }

            @Override
            public void reached(long line) {
                if (line % 1_000 == 1 || line == 2_501) {
                    events.add("reached " + line);
                }
            }

            @Override
            public void finish() {
                events.add("finish");
            }
        };

        importer.importFiles(List.of(file), false, "anna", recorder);

        assertThat(events).containsSubsequence("start Checking 2501", "reached 1001", "reached 2501", "finish",
                "start Importing 2501", "reached 1001", "reached 2001", "reached 2501", "finish");
    }

    @Test
    void shouldTellTheProgressThroughAWorkbookByRowNumber() throws IOException {
        Path file = FILES.resolve("xlsx/persons.xlsx");
        Files.createDirectories(file.getParent());
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook workbook = new org.apache.poi.xssf.streaming.SXSSFWorkbook();
                java.io.OutputStream out = Files.newOutputStream(file)) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet("persons");
            sheet.createRow(0).createCell(0).setCellValue("caseRef");
            sheet.getRow(0).createCell(1).setCellValue("assessmentYear");
            for (int i = 1; i <= 3_000; i++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(i);
                row.createCell(0).setCellValue(String.format("2016-%05d", i));
                row.createCell(1).setCellValue(2016);
            }
            workbook.write(out);
            workbook.dispose();
        }
        List<String> events = new ArrayList<>();
        ImportProgress recorder = new ImportProgress() {
            @Override
            public void start(String task, long lines) {
                events.add("start " + task.replaceAll(" .*", "") + " " + lines);
            }

            @Override
            public void reached(long line) {
                if (line == 3_001) {
                    events.add("reached " + line);
                }
            }

            @Override
            public void finish() {
                events.add("finish");
            }
        };

        ImportReport report = importer.importFiles(List.of(ImportFile.of(file, null)), false, "anna", recorder);

        assertThat(report.total().inserted()).isEqualTo(3_000);
        assertThat(persons(2016)).isEqualTo(3_000);
        assertThat(events).containsSubsequence("start Checking 3001", "reached 3001", "finish",
                "start Importing 3001", "reached 3001", "finish");
    }
}
