package dk.cmm.stats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import dk.cmm.stats.cli.MainTests.Output;
import dk.cmm.stats.security.AuditLog;

/**
 * A storage error during an import (a unique index of the database refuses a record; the server's own message
 * quotes the record's values) is told by the record's key, file and line and what to do: no field value of the
 * record appears on stdout, on stderr or in the log, and no stack trace, unless {@code --debug} asks for it. The
 * audit log has the import's entry, started before the first write and completed as FAILED.
 */
@SpringBootTest
class StorageErrorPrivacyTests {

    private static final Path ROOT = Path.of("target/test-data/privacy-cli-" + UUID.randomUUID());
    private static final Path DATA = ROOT.resolve("data");

    /** The values of the refused record (rare enough not to appear in any other output by chance). */
    private static final List<String> VALUES = List.of("Kasakhstan", "KZ", "KAZAKHSTAN", "PROSTITUTION", "47",
            "CRISIS_CENTRE", "Krisecenter", "173");

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) {
        registry.add("cmm.data-dir", DATA::toString);
        registry.add("cmm.bundled-data", () -> "NEVER"); // only this test's records: the test's indexes can build
    }

    @Autowired
    MongoTemplate mongo;

    @Test
    void shouldNameKeyFileAndLineButNoValueOfTheRecordWhenTheDatabaseRefusesIt() throws IOException {
        // a unique index the application does not make: mongod (and the embedded server) then refuse the second
        // record with "E11000 ... dup key: { nationality: "KZ", ageAtIdentification: 47, ... }"
        mongo.getCollection("persons").createIndex(Indexes.ascending("nationality", "ageAtIdentification",
                "stayDays"), new IndexOptions().unique(true).sparse(true).name("privacy_test"));
        Path csv = ROOT.resolve("persons-2014.csv");
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, """
                caseRef;assessmentYear;nationality;gender;ageAtIdentification;exploitation;stayDays;accommodation
                2014-P01;2014;Kasakhstan;Kvinder;47;Prostitution;173;Krisecenter
                2014-P02;2014;Kasakhstan;Kvinder;47;Prostitution;173;Krisecenter
                """, StandardCharsets.UTF_8);
        try {
            Output output = Output.capture(() -> Main.run("import", csv.toString(), "--cmm.data-dir=" + DATA,
                    "--cmm.bundled-data=NEVER"));

            assertThat(output.exitCode()).isEqualTo(1);
            assertThat(output.err()).contains("persons-2014.csv line 3").contains("2014-P02")
                    .contains("unique index privacy_test").contains("import the file again");
            String everything = output.out() + output.err();
            for (String value : VALUES) {
                assertThat(everything).as("no value of the record: " + value).doesNotContainPattern(
                        "(?<![\\w-])" + value + "(?![\\w-])");
            }
            assertThat(everything).doesNotContain("dup key").doesNotContain("\tat ").doesNotContain("Exception");

            Document entry = mongo.getCollection(AuditLog.COLLECTION).find(new Document("action", "IMPORT")
                    .append("refs", "persons-2014.csv")).first();
            assertThat(entry).isNotNull();
            assertThat(entry.getString("outcome")).isEqualTo("FAILED");
            assertThat(entry.get("completedAt")).as("started first, completed at the end").isNotNull();
        } finally {
            mongo.getCollection("persons").dropIndex("privacy_test");
        }
    }

    @Test
    void shouldPrintTheWholeExceptionOnlyWithDebug() throws IOException {
        Path missing = ROOT.resolve("debug").resolve("persons.csv");
        Files.createDirectories(missing.getParent());
        Files.writeString(missing, "caseRef;assessmentYear\n2015-P03;2015\n", StandardCharsets.UTF_8);
        mongo.getCollection("persons").insertOne(new Document("_id", "2015-P00").append("assessmentYear", 2015));
        mongo.getCollection("persons").createIndex(Indexes.ascending("assessmentYear"),
                new IndexOptions().unique(true).sparse(true).name("privacy_debug"));
        try {
            Output quiet = Output.capture(() -> Main.run("import", missing.toString(), "--cmm.data-dir=" + DATA,
                    "--cmm.bundled-data=NEVER"));
            Output debug = Output.capture(() -> Main.run("import", missing.toString(), "--debug",
                    "--cmm.data-dir=" + DATA, "--cmm.bundled-data=NEVER"));

            assertThat(quiet.exitCode()).isEqualTo(1);
            assertThat(quiet.err()).contains("2015-P03").doesNotContain("\tat ");
            assertThat(debug.exitCode()).isEqualTo(1);
            assertThat(debug.err()).contains("\tat ");
        } finally {
            mongo.getCollection("persons").dropIndex("privacy_debug");
            mongo.getCollection("persons").deleteOne(new Document("_id", "2015-P00"));
        }
    }
}
