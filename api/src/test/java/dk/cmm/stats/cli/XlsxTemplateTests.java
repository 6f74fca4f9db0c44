package dk.cmm.stats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import dk.cmm.stats.cli.MainTests.Output;
import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.codebook.CodeList;
import dk.cmm.stats.codebook.Gender;
import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.importer.ColumnGuide;
import dk.cmm.stats.importer.RecordKind;

/**
 * {@code import --template KIND --format xlsx -o FILE}: the workbook is read back with POI, as a spreadsheet program
 * would see it: frozen bold header with comments, formats, and the dropdown lists with the labels they offer.
 */
class XlsxTemplateTests {

    private static final Path ROOT = Path.of("target/test-data/xlsx-template-" + UUID.randomUUID());

    static XSSFWorkbook template(String kind, String... more) throws IOException {
        Path file = ROOT.resolve(UUID.randomUUID() + "-" + kind + ".xlsx");
        Files.createDirectories(ROOT);
        List<String> args = new ArrayList<>(List.of("import", "--template", kind, "--format", "xlsx", "-o",
                file.toString()));
        args.addAll(List.of(more));
        Output output = Output.capture(() -> Main.run(args.toArray(String[]::new)));
        assertThat(output.exitCode()).as(output.err()).isZero();
        return new XSSFWorkbook(Files.newInputStream(file));
    }

    /** The dropdown of each column of the data sheet: field → the values its list offers. */
    static Map<String, List<String>> dropdowns(XSSFWorkbook workbook) {
        XSSFSheet sheet = workbook.getSheetAt(0);
        Map<String, List<String>> lists = new HashMap<>();
        for (DataValidation validation : sheet.getDataValidations()) {
            DataValidationConstraint constraint = validation.getValidationConstraint();
            if (constraint.getValidationType() != DataValidationConstraint.ValidationType.LIST) {
                continue;
            }
            int column = validation.getRegions().getCellRangeAddress(0).getFirstColumn();
            String field = sheet.getRow(0).getCell(column).getStringCellValue();
            String range = workbook.getName(constraint.getFormula1()).getRefersToFormula();
            AreaReference area = new AreaReference(range, workbook.getSpreadsheetVersion());
            XSSFSheet codes = workbook.getSheet(area.getFirstCell().getSheetName());
            List<String> values = new ArrayList<>();
            for (CellReference cell : area.getAllReferencedCells()) {
                values.add(codes.getRow(cell.getRow()).getCell(cell.getCol()).getStringCellValue());
            }
            lists.put(field, values);
        }
        return lists;
    }

    @Test
    void shouldOfferTheDanishLabelsOfEveryCodedColumnAndCountryNamesInDropdowns() throws IOException {
        try (XSSFWorkbook workbook = template("persons")) {
            assertThat(workbook.getSheetName(0)).isEqualTo("persons");
            assertThat(workbook.getSheetName(1)).isEqualTo("Koder");
            Map<String, List<String>> lists = dropdowns(workbook);

            assertThat(lists.keySet()).containsExactlyInAnyOrder("assessedBy", "contactChannel", "nationality",
                    "gender", "ageGroup", "exploitation", "labourSector", "status", "accommodation",
                    "returnSupportEquivalentToIom");
            assertThat(lists.get("gender")).containsExactly("Kvinder", "Mænd", "Andet køn");
            assertThat(lists.get("status")).contains("Afslået støtte/trådt ud af tilbud");
            assertThat(lists.get("returnSupportEquivalentToIom")).containsExactly("ja", "nej");
            assertThat(lists.get("nationality")).hasSize(Codebook.standard().countries().size())
                    .contains("Rumænien", "Nigeria", "Thailand").isSortedAccordingTo(
                            java.text.Collator.getInstance(Locale.forLanguageTag("da"))::compare);
        }
    }

    @Test
    void shouldOfferEnglishLabelsWithLangEn() throws IOException {
        try (XSSFWorkbook workbook = template("hotline", "--lang", "en")) {
            assertThat(workbook.getSheetName(0)).isEqualTo("hotline-calls");
            assertThat(workbook.getSheetName(1)).isEqualTo("Codes");
            Map<String, List<String>> lists = dropdowns(workbook);
            assertThat(lists.get("callerType")).startsWith("Police", "Municipalities");
            assertThat(lists.get("reason")).contains("Persons in police custody");
        }
        try (XSSFWorkbook workbook = template("persons", "--lang", "en")) {
            assertThat(dropdowns(workbook).get("gender")).containsExactly("Women", "Men", "Other gender");
            assertThat(dropdowns(workbook).get("nationality")).contains("Romania");
        }
    }

    @Test
    void shouldFreezeABoldHeaderWhoseCommentsSayWhatEachColumnHoldsAndWhetherItIsRequired() throws IOException {
        try (XSSFWorkbook workbook = template("persons")) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);
            List<String> names = new ArrayList<>();
            header.forEach(cell -> names.add(cell.getStringCellValue()));
            assertThat(names).isEqualTo(RecordKind.PERSONS.csvColumns());
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(header.getCell(0).getCellComment().getString().getString())
                    .contains("sagsreference").contains("Skal udfyldes");
            assertThat(header.getCell(7).getCellComment().getString().getString())
                    .contains("Køn").contains("Kan være tom").contains("Koder");
            assertThat(sheet.getColumnStyle(2).getDataFormatString()).isEqualTo("dd-mm-yyyy");
            assertThat(sheet.getColumnStyle(8).getDataFormatString()).isEqualTo("0");
            assertThat(sheet.getColumnStyle(0).getDataFormatString()).isEqualTo("@");
            DataValidation age = sheet.getDataValidations().stream().filter(v -> v.getRegions()
                    .getCellRangeAddress(0).getFirstColumn() == 8).findFirst().orElseThrow();
            assertThat(age.getValidationConstraint().getValidationType())
                    .isEqualTo(DataValidationConstraint.ValidationType.INTEGER);
            assertThat(age.getValidationConstraint().getFormula1()).isEqualTo("0");
            assertThat(age.getValidationConstraint().getFormula2()).isEqualTo("100");
        }
    }

    @Test
    void shouldListEveryCodeWithItsDanishAndEnglishLabelOnTheCodesSheetAndEveryChoiceReadsBackToItsCode()
            throws IOException {
        Codebook codebook = Codebook.standard();
        for (RecordKind kind : RecordKind.values()) {
            for (Lang lang : Lang.values()) {
                try (XSSFWorkbook workbook = template(kind.optionName(), "--lang", lang.tag())) {
                    XSSFSheet codes = workbook.getSheetAt(1);
                    for (int r = 1; r <= codes.getLastRowNum(); r++) {
                        Row row = codes.getRow(r);
                        String field = row.getCell(0).getStringCellValue();
                        String code = row.getCell(1).getStringCellValue();
                        String offered = row.getCell(lang == Lang.DA ? 2 : 3).getStringCellValue();
                        ColumnGuide.Column column = ColumnGuide.of(kind).stream()
                                .filter(c -> c.field().equals(field)).findFirst().orElseThrow();
                        String read = switch (column.type()) {
                            case COUNTRY -> codebook.parseCountry(offered).orElseThrow().code();
                            case YES_NO -> List.of("ja", "yes").contains(offered) ? "true" : "false";
                            default -> parsedCode(codebook, column.codes(), offered);
                        };
                        assertThat(read).as(kind + " " + lang + " " + field + " '" + offered + "'").isEqualTo(code);
                    }
                }
            }
        }
        try (XSSFWorkbook workbook = template("persons")) {
            XSSFSheet codes = workbook.getSheetAt(1);
            Row female = null;
            for (Row row : codes) {
                if (row.getCell(1).getStringCellValue().equals("FEMALE")) {
                    female = row;
                }
            }
            assertThat(female).isNotNull();
            assertThat(female.getCell(2).getStringCellValue()).isEqualTo(codebook.label(Gender.FEMALE, Lang.DA));
            assertThat(female.getCell(3).getStringCellValue()).isEqualTo(codebook.label(CodeList.GENDER, "FEMALE",
                    Lang.EN));
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static String parsedCode(Codebook codebook, CodeList list, String label) {
        java.util.Optional<? extends Enum<?>> code = codebook.parse((Class) list.type(), label);
        return code.map(Enum::name).orElse("none");
    }

    @Test
    void shouldRefuseAWorkbookTemplateWithoutAFile() {
        Output output = Output.capture(() -> Main.run("import", "--template", "persons", "--format", "xlsx"));
        assertThat(output.exitCode()).isEqualTo(2);
        assertThat(output.err()).contains("Give -o FILE.xlsx");
    }
}
