package dk.cmm.stats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dk.cmm.stats.cli.MainTests.Output;
import dk.cmm.stats.importer.LibreOffice;

/**
 * {@code cmm-stats import} of Excel workbooks: one written by POI with Excel's own cell types (dates, numbers that
 * are whole, booleans, formulas, merged cells, empty rows), one saved by LibreOffice from a CSV, and problems named by
 * their sheet and cell. Every test uses its own case references.
 */
@SpringBootTest
class XlsxImportCommandTests {

    private static final Path ROOT = Path.of("target/test-data/xlsx-cli-" + UUID.randomUUID());
    private static final Path DATA = ROOT.resolve("data");

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) {
        registry.add("cmm.data-dir", DATA::toString);
    }

    @Autowired
    MongoTemplate mongo;

    static Output cmmStats(Path data, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--cmm.data-dir=" + data);
        return Output.capture(() -> Main.run(all.toArray(String[]::new)));
    }

    private Document person(String caseRef) {
        return mongo.getCollection("persons").find(new Document("_id", caseRef)).first();
    }

    private static Path save(XSSFWorkbook workbook, String name) throws IOException {
        Path file = ROOT.resolve(UUID.randomUUID().toString()).resolve(name);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        workbook.close();
        return file;
    }

    private static void cells(Row row, Object... values) {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof Boolean bool) {
                cell.setCellValue(bool);
            } else if (value instanceof LocalDate date) {
                cell.setCellValue(date);
            } else if (value.toString().startsWith("=")) {
                cell.setCellFormula(value.toString().substring(1));
            } else {
                cell.setCellValue(value.toString());
            }
        }
    }

    @Test
    void shouldReadExcelsOwnCellTypesMergedCellsFormulasAndSkipEmptyRows() throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("Ark1");
        CellStyle danishDate = workbook.createCellStyle();
        danishDate.setDataFormat(workbook.createDataFormat().getFormat("dd-mm-yyyy"));
        cells(sheet.createRow(0), "caseRef", "assessmentYear", "assessmentDate", "nationality", "gender",
                "ageAtIdentification", "exploitation", "status", "returnSupportEquivalentToIom", "stayDays");
        cells(sheet.createRow(1), "2013-X01", 2013, LocalDate.of(2013, 3, 5), "Rumænien", "Kvinder", 25.0,
                "Tvangsarbejde", "Hjemrejse v. CMM", true, "=10+2");
        sheet.getRow(1).getCell(2).setCellStyle(danishDate);
        cells(sheet.createRow(2), "2013-X02", null, null, "NG", "MALE", "=20+5", "PROSTITUTION", "ASSISTED_RETURN_CMM",
                false, 0);
        cells(sheet.createRow(3), "2013-X03", null, null, "Thailand", "mænd", 61, null, null, null, null);
        sheet.addMergedRegion(CellRangeAddress.valueOf("B2:B4"));
        Row blank = sheet.createRow(4);
        blank.createCell(0).setCellValue("");
        blank.createCell(3).setCellValue("   ");
        cells(sheet.createRow(7), "2014-X04", "=2013+1", null, "RO", null, 30.0, null, null, null, null);
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        Path file = save(workbook, "persons.xlsx");

        Output output = cmmStats(DATA, "import", file.toString());

        assertThat(output.exitCode()).as(output.err()).isZero();
        assertThat(output.out()).contains(file + " (sheet Ark1): 4 records: 4 inserted, 0 updated, 0 unchanged");
        Document first = person("2013-X01");
        assertThat(first.getInteger("assessmentYear")).isEqualTo(2013);
        assertThat(first.getDate("assessmentDate").toInstant()).isEqualTo(Instant.parse("2013-03-05T00:00:00Z"));
        assertThat(first.getString("nationality")).isEqualTo("RO");
        assertThat(first.getInteger("ageAtIdentification")).as("25.0 is the whole number 25").isEqualTo(25);
        assertThat(first.getBoolean("returnSupportEquivalentToIom")).isTrue();
        assertThat(first.getInteger("stayDays")).as("a formula's cached value").isEqualTo(12);
        Document second = person("2013-X02");
        assertThat(second.getInteger("assessmentYear")).as("the merged year B2:B4").isEqualTo(2013);
        assertThat(second.getInteger("ageAtIdentification")).isEqualTo(25);
        assertThat(second.getBoolean("returnSupportEquivalentToIom")).isFalse();
        assertThat(person("2013-X03").getInteger("assessmentYear")).isEqualTo(2013);
        assertThat(person("2013-X03").getString("gender")).isEqualTo("MALE");
        assertThat(person("2014-X04").getInteger("assessmentYear")).isEqualTo(2014);
    }

    @Test
    void shouldNameTheSheetAndCellOfEveryProblemAndWriteNothing() throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        workbook.createSheet("Noter").createRow(0).createCell(0).setCellValue("not the data");
        Sheet sheet = workbook.createSheet("persons");
        cells(sheet.createRow(0), "caseRef", "assessmentYear", "gender", "gendr");
        cells(sheet.createRow(1), "2013-Y01", 2013, "FEMALE");
        cells(sheet.createRow(2), "2013-Y02", "=1/0", "FEMALE");
        cells(sheet.createRow(6), "2013-Y03", 2013, "robot");
        cells(sheet.createRow(7), "2013-Y01", 2013, "MALE");
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        Path file = save(workbook, "persons-2013.xlsx");

        Output output = cmmStats(DATA, "import", file.toString());

        assertThat(output.exitCode()).isEqualTo(1);
        assertThat(output.err()).contains(
                file + ":persons!D1: field 'gendr': is not a column of persons",
                file + ":persons!B3: field 'assessmentYear': value '#DIV/0!' is an Excel error",
                file + ":persons!C7: field 'gender': value 'robot' is not a Gender code",
                file + ":persons!A8: field 'caseRef': value '2013-Y01' appears already on row 2",
                "nothing was written");
        assertThat(person("2013-Y01")).isNull();
    }

    /**
     * What a new member of staff does: makes the template, fills three rows by picking from its dropdowns (here the
     * values the dropdowns offer, set with POI), saves it in a spreadsheet program (LibreOffice, when installed),
     * and imports it.
     */
    @Test
    void shouldImportTheTemplateFilledFromItsDropdownsAndSavedByASpreadsheetProgram() throws Exception {
        Path folder = ROOT.resolve(UUID.randomUUID().toString());
        Files.createDirectories(folder);
        Path template = folder.resolve("persons-2013.xlsx");
        assertThat(cmmStats(DATA, "import", "--template", "persons", "--format", "xlsx", "-o", template.toString())
                .exitCode()).isZero();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(template))) {
            java.util.Map<String, List<String>> offered = XlsxTemplateTests.dropdowns(workbook);
            Sheet sheet = workbook.getSheetAt(0);
            List<String> columns = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> columns.add(cell.getStringCellValue()));
            String[][] picks = {
                { "2013-T01", "Rumænien", "Kvinder", "Tvangsarbejde", "Rengøring", "Hjemrejse v. CMM", "ja" },
                { "2013-T02", "Nigeria", "Kvinder", "Prostitution", null, "Afslået støtte/trådt ud af tilbud",
                    null },
                { "2013-T03", "Thailand", "Mænd", "Tvangsarbejde", "Byggebranchen", "I tilbud", null } };
            String[] fields = { "caseRef", "nationality", "gender", "exploitation", "labourSector", "status",
                "returnSupportEquivalentToIom" };
            for (int r = 0; r < picks.length; r++) {
                Row row = sheet.createRow(r + 1);
                row.createCell(columns.indexOf("assessmentYear")).setCellValue(2013);
                row.createCell(columns.indexOf("ageAtIdentification")).setCellValue(30 + r);
                for (int f = 0; f < fields.length; f++) {
                    String value = picks[r][f];
                    if (value != null) {
                        if (f > 0) {
                            assertThat(offered.get(fields[f])).as(fields[f]).contains(value);
                        }
                        row.createCell(columns.indexOf(fields[f])).setCellValue(value);
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(template)) {
                workbook.write(out);
            }
        }
        Path saved = template;
        if (LibreOffice.available()) {
            saved = LibreOffice.saveAsXlsx(template, folder.resolve("saved"));
        } else {
            System.err.println(LibreOffice.MISSING + " (the POI-filled workbook is imported as it is)");
        }

        Output output = cmmStats(DATA, "import", saved.toString());

        assertThat(output.exitCode()).as(output.err()).isZero();
        assertThat(output.out()).contains("(sheet persons): 3 records: 3 inserted");
        Document first = person("2013-T01");
        assertThat(first.getString("nationality")).isEqualTo("RO");
        assertThat(first.getString("gender")).isEqualTo("FEMALE");
        assertThat(first.getString("labourSector")).isEqualTo("CLEANING");
        assertThat(first.getString("status")).isEqualTo("ASSISTED_RETURN_CMM");
        assertThat(first.getBoolean("returnSupportEquivalentToIom")).isTrue();
        assertThat(first.getInteger("ageAtIdentification")).isEqualTo(30);
        assertThat(person("2013-T02").getString("status")).isEqualTo("DECLINED_OR_LEFT");
        assertThat(person("2013-T03").getString("labourSector")).isEqualTo("CONSTRUCTION");
        assertThat(person("2013-T03").getString("region")).isEqualTo("ASIA");
    }

    @Test
    void shouldRefuseAFileNamedXlsxThatIsNoWorkbook() throws IOException {
        Path file = ROOT.resolve("fake").resolve("persons.xlsx");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "caseRef;assessmentYear\n2013-Z01;2013\n");

        Output output = cmmStats(DATA, "import", file.toString());

        assertThat(output.exitCode()).isEqualTo(1) /* a refused file, not wrong arguments (issue 24) */;
        assertThat(output.err()).contains(file + " is not an Excel workbook (.xlsx)");
    }

    @Test
    void shouldImportAWorkbookThatLibreOfficeSavedFromADanishCsv() throws Exception {
        assumeTrue(LibreOffice.available(), LibreOffice.MISSING);
        Path csv = ROOT.resolve(UUID.randomUUID().toString()).resolve("personer.csv");
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, """
                caseRef;assessmentYear;assessmentDate;nationality;gender;ageAtIdentification;exploitation;labourSector
                2013-W01;2013;2013-03-05;Rumænien;Kvinder;34;Tvangsarbejde;Rengøring
                2013-W02;2013;;Nigeria;Mænd;28;Prostitution;
                """, StandardCharsets.UTF_8);
        Path xlsx = LibreOffice.saveAsXlsx(csv, csv.getParent().resolve("saved"), "CSV:59,34,76,1");

        Output output = cmmStats(DATA, "import", "--kind", "persons", xlsx.toString());

        assertThat(output.exitCode()).as(output.err()).isZero();
        assertThat(output.out()).contains("2 records: 2 inserted");
        Document woman = person("2013-W01");
        assertThat(woman.getInteger("assessmentYear")).isEqualTo(2013);
        assertThat(woman.getDate("assessmentDate").toInstant()).isEqualTo(Instant.parse("2013-03-05T00:00:00Z"));
        assertThat(woman.getString("nationality")).isEqualTo("RO");
        assertThat(woman.getInteger("ageAtIdentification")).isEqualTo(34);
        assertThat(woman.getString("labourSector")).isEqualTo("CLEANING");
        assertThat(person("2013-W02").getString("gender")).isEqualTo("MALE");
    }
}
