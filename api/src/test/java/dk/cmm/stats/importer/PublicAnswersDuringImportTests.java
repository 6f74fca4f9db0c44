package dk.cmm.stats.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.RawHttp;
import dk.cmm.stats.StaffTokens;

/**
 * Issue 14: callers without a token are answered from published releases, so a question asked during an import,
 * and after it until the year is published again, gets the answer it got before, over GraphQL and CSV alike, while
 * staff see the records at once.
 */
@ApiTest
@TestPropertySource(properties = "cmm.test.context=import-during") // a context of its own: it imports records
class PublicAnswersDuringImportTests {

    private static final String QUESTION = "{ personStats(filter: {assessmentYears: [2012]}, groupBy: [NATIONALITY,"
            + " GENDER]) { total groups { key { code } count suppressed reason } } }";
    private static final String CSV = "/api/stats/persons.csv?assessmentYears=2012&groupBy=REGION,GENDER";

    @LocalServerPort
    int port;

    @Autowired
    FileImporter importer;

    @AfterEach
    void restoreTheImporter() {
        importer.chunkSize(FileImporter.CHUNK_SIZE);
        importer.afterEachChunk(rows -> { });
    }

    @Test
    void shouldGiveThePublicTheSameAnswersDuringAndAfterAnImportUntilTheYearIsPublishedAgain(@TempDir Path dir)
            throws IOException {
        RawHttp http = new RawHttp(port);
        String graphQlBefore = publicAnswer(http);
        String csvBefore = http.get(CSV).body();
        int staffBefore = staffTotal(http);
        assertThat(graphQlBefore).as("the public 2012 answer before the import").contains("\"total\":66");

        List<String> during = new ArrayList<>();
        importer.chunkSize(100);
        importer.afterEachChunk(rows -> during.add(rows + " rows: " + (publicAnswer(http).equals(graphQlBefore)
                && http.get(CSV).body().equals(csvBefore) ? "same" : "CHANGED " + publicAnswer(http))));
        importer.importFiles(List.of(ImportFile.of(persons(dir, 500), null)), false, "anna", ImportProgress.NONE);

        assertThat(during).as("public answers after each chunk of the import").hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(line -> assertThat(line).endsWith("same"));
        assertThat(publicAnswer(http)).as("the public answer after the import").isEqualTo(graphQlBefore);
        assertThat(http.get(CSV).body()).as("the public CSV after the import").isEqualTo(csvBefore);
        assertThat(staffTotal(http)).as("staff see the imported records at once").isEqualTo(staffBefore + 500);
    }

    private static Path persons(Path dir, int count) throws IOException {
        StringBuilder csv = new StringBuilder("caseRef;assessmentYear;gender;nationality;ageAtIdentification\n");
        for (int i = 0; i < count; i++) {
            csv.append(String.format("2012-7%04d;2012;%s;%s;%d%n", i, i % 3 == 0 ? "MALE" : "FEMALE",
                    i % 2 == 0 ? "NG" : "TH", 18 + i % 40));
        }
        Path file = dir.resolve("persons.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    private static String publicAnswer(RawHttp http) {
        return http.post("/graphql", "{\"query\": \"" + QUESTION + "\"}").body();
    }

    @SuppressWarnings("unchecked")
    private static int staffTotal(RawHttp http) {
        String body = http.post("/graphql", "{\"query\": \"{ personStats(filter: {assessmentYears: [2012]}) { total }"
                + " }\"}", "Authorization", "Bearer " + StaffTokens.ANALYST).body();
        Map<String, Object> data = (Map<String, Object>) RawHttp.json(body).get("data");
        return ((Number) ((Map<String, Object>) data.get("personStats")).get("total")).intValue();
    }
}
