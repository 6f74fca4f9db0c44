package dk.cmm.stats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import dk.cmm.stats.cli.MainTests.Output;

/**
 * {@code cmm-stats dump} writes records in exactly the import format: JSON Lines round trips to the same bytes
 * (the CSV round trip of every kind is CsvImportedBundledDataTests'), one year can be dumped, and standard output
 * holds nothing but records.
 */
class DumpCommandTests {

    private static final Path ROOT = Path.of("target/test-data/dump-cli-" + UUID.randomUUID());
    private static final Path BUNDLED = ROOT.resolve("bundled");

    @Test
    void shouldDumpJsonLinesThatImportIntoAnEmptyDatabaseAndDumpAgainToTheSameBytes() throws IOException {
        Path copy = ROOT.resolve("jsonl-copy");
        Path first = Files.createDirectories(ROOT.resolve("jsonl-1"));
        Path second = Files.createDirectories(ROOT.resolve("jsonl-2"));
        List<String> kinds = List.of("programmes", "persons", "activities");
        for (String kind : kinds) {
            assertThat(Main.run("dump", "--kind", kind, "--format", "jsonl", "-o", first.resolve(kind + ".jsonl")
                    .toString(), "--cmm.data-dir=" + BUNDLED)).isZero();
        }
        assertThat(Main.run("import", first.resolve("programmes.jsonl").toString(),
                first.resolve("persons.jsonl").toString(), first.resolve("activities.jsonl").toString(),
                "--cmm.data-dir=" + copy, "--cmm.bundled-data=NEVER")).isZero();
        for (String kind : kinds) {
            assertThat(Main.run("dump", "--kind", kind, "--format", "jsonl", "-o", second.resolve(kind + ".jsonl")
                    .toString(), "--cmm.data-dir=" + copy)).isZero();
            assertThat(Files.readAllBytes(second.resolve(kind + ".jsonl"))).as(kind)
                    .isEqualTo(Files.readAllBytes(first.resolve(kind + ".jsonl")));
        }
        assertThat(Files.readAllLines(second.resolve("activities.jsonl"))).hasSize(716)
                .anySatisfy(line -> assertThat(line).contains("\"referrals\":[\"ABORTION\"]"));
    }

    @Test
    void shouldDumpWorkbooksThatImportIntoAnEmptyDatabaseAndDumpAgainToTheSameRecords() throws IOException {
        Path copy = ROOT.resolve("xlsx-copy");
        Path workbooks = Files.createDirectories(ROOT.resolve("xlsx"));
        Path first = Files.createDirectories(ROOT.resolve("xlsx-1"));
        Path second = Files.createDirectories(ROOT.resolve("xlsx-2"));
        List<String> kinds = List.of("programmes", "persons", "activities", "hotline", "year-notes");
        for (String kind : kinds) {
            assertThat(Main.run("dump", "--kind", kind, "--format", "xlsx", "-o", workbooks.resolve(kind + ".xlsx")
                    .toString(), "--cmm.data-dir=" + BUNDLED)).isZero();
            assertThat(Main.run("dump", "--kind", kind, "--format", "jsonl", "-o", first.resolve(kind + ".jsonl")
                    .toString(), "--cmm.data-dir=" + BUNDLED)).isZero();
        }
        List<String> imports = new java.util.ArrayList<>(List.of("import"));
        kinds.forEach(kind -> imports.add(workbooks.resolve(kind + ".xlsx").toString()));
        imports.addAll(List.of("--cmm.data-dir=" + copy, "--cmm.bundled-data=NEVER"));
        Output imported = Output.capture(() -> Main.run(imports.toArray(String[]::new)));
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("persons.xlsx (sheet persons): ")
                .contains("activities.xlsx (sheet outreach-activities): 716 records: 716 inserted");
        for (String kind : kinds) {
            assertThat(Main.run("dump", "--kind", kind, "--format", "jsonl", "-o", second.resolve(kind + ".jsonl")
                    .toString(), "--cmm.data-dir=" + copy)).isZero();
            assertThat(Files.readAllLines(second.resolve(kind + ".jsonl"))).as(kind)
                    .isEqualTo(Files.readAllLines(first.resolve(kind + ".jsonl")));
        }
        try (XSSFWorkbook persons = new XSSFWorkbook(Files.newInputStream(workbooks.resolve("persons.xlsx")))) {
            assertThat(persons.getSheetName(0)).isEqualTo("persons");
            assertThat(persons.getSheetName(1)).isEqualTo("Koder");
            Row row = persons.getSheetAt(0).getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).matches("\\d{4}-.*");
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(XlsxTemplateTests.dropdowns(persons).get("gender")).containsExactly("Kvinder", "Mænd",
                    "Andet køn");
        }
    }

    @Test
    void shouldRefuseAWorkbookDumpWithoutAFile() {
        Output output = Output.capture(() -> Main.run("dump", "--kind", "persons", "--format", "xlsx",
                "--cmm.data-dir=" + BUNDLED));
        assertThat(output.exitCode()).isEqualTo(2);
        assertThat(output.err()).contains("Give -o FILE.xlsx");
    }

    @Test
    void shouldDumpOneYearToStandardOutputWithNothingButTheRecords() {
        Output output = Output.capture(() -> Main.run("dump", "--kind", "persons", "--year", "2012",
                "--cmm.data-dir=" + BUNDLED));

        assertThat(output.exitCode()).as(output.err()).isZero();
        List<String> lines = output.out().lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFFcaseRef;assessmentYear;");
        assertThat(lines.subList(1, lines.size())).hasSize(66).allSatisfy(line -> assertThat(line)
                .matches("2012-\\d{3};2012;.*"));
        assertThat(output.err()).contains("wrote 66 persons of 2012");
    }

    @Test
    void shouldRefuseAYearForProgrammesWhichHaveNone() {
        Output output = Output.capture(() -> Main.run("dump", "--kind", "programmes", "--year", "2012",
                "--cmm.data-dir=" + BUNDLED));

        assertThat(output.exitCode()).isEqualTo(2);
        assertThat(output.err()).contains("programmes have no year");
    }
}
