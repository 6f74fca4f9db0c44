package dk.cmm.stats.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A dump reads the records in pages (the embedded server answers a find in one reply, and at 200,000 persons that
 * reply was over the driver's 48 MB limit): more records than a page come out whole, once each, in key order.
 */
@SpringBootTest(properties = { "cmm.data-dir=target/test-data/${random.uuid}", "cmm.bundled-data=NEVER" })
class RecordDumperPagingTests {

    @Autowired
    FileImporter importer;

    @Autowired
    RecordDumper dumper;

    @Test
    void shouldDumpMoreRecordsThanAPageOnceEachInKeyOrder(@TempDir Path dir) throws IOException {
        int persons = RecordDumper.PAGE * 2 + 345;
        StringBuilder csv = new StringBuilder("caseRef;assessmentYear;gender;nationality\n");
        for (int i = persons - 1; i >= 0; i--) { // written in reverse: the dump must sort
            csv.append(String.format("1995-%05d;1995;%s;NG%n", i, i % 2 == 0 ? "FEMALE" : "MALE"));
        }
        Path file = dir.resolve("persons.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        importer.importFiles(List.of(ImportFile.of(file, null)), false, "anna", ImportProgress.NONE);

        StringWriter out = new StringWriter();
        // one year no other test of this shared context writes
        long written = dumper.dump(RecordKind.PERSONS, 1995, DataFormat.CSV, ';', out);

        String[] lines = out.toString().split("\n");
        assertThat(written).isEqualTo(persons);
        assertThat(lines).hasSize(persons + 1);
        String[] refs = Arrays.stream(lines).skip(1).map(line -> line.substring(0, line.indexOf(';'))).toArray(String[]::new);
        assertThat(refs).doesNotHaveDuplicates().isSorted().startsWith("1995-00000").endsWith(
                String.format("1995-%05d", persons - 1));
    }
}
