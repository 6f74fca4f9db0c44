package dk.cmm.stats.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import dk.cmm.stats.codebook.CodeList;
import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.codebook.Country;
import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.importer.ColumnGuide.Column;
import dk.cmm.stats.importer.ColumnGuide.Type;
import dk.cmm.stats.outreach.OutreachActivityValidator;

/**
 * Writes records as a workbook that guides the person who fills it in, the shape of both {@code import --template
 * --format xlsx} (no records) and {@code dump --format xlsx}: the first sheet, named after the kind, has a frozen
 * bold header row whose cells carry a comment (what the column means, required or not), a dropdown on every coded
 * column offering the labels of the chosen language (country names for nationality), whole-number bounds, and date,
 * number and text formats; a second sheet lists every code with its Danish and English label. Values are written as
 * the dropdowns offer them (labels, ja/nej), which the importer reads back to the same codes.
 *
 * <p>POI's streaming writer keeps only a window of rows in memory, so a dump of any size stays bounded.
 */
public final class XlsxWorkbookWriter implements AutoCloseable {

    /** Rows a validation and format cover below the header: the whole sheet. */
    private static final int LAST_ROW = SpreadsheetVersion.EXCEL2007.getLastRowIndex();

    private final RecordKind kind;
    private final Lang lang;
    private final Codebook codebook;
    private final List<Column> columns;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final SXSSFSheet sheet;
    private final Map<Type, CellStyle> styles = new HashMap<>();
    private int nextRow = 1;

    private XlsxWorkbookWriter(RecordKind kind, Lang lang, Codebook codebook) {
        this.kind = kind;
        this.lang = lang;
        this.codebook = codebook;
        this.columns = ColumnGuide.of(kind);
        workbook.setCompressTempFiles(true);
        this.sheet = workbook.createSheet(kind.fileName());
        SXSSFSheet codes = workbook.createSheet(ColumnGuide.word("codesSheet", lang));
        styles();
        header();
        codesSheet(codes);
    }

    /** Starts a workbook of the kind, its labels in the language. */
    public static XlsxWorkbookWriter start(RecordKind kind, Lang lang, Codebook codebook) {
        return new XlsxWorkbookWriter(kind, lang, codebook);
    }

    /** Adds a stored record: one row (an outreach activity: one per contact, the activity's columns repeated). */
    public void write(Object record) {
        Map<String, Object> fields = RecordFields.of(record);
        if (kind != RecordKind.ACTIVITIES) {
            row(fields);
            return;
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> contacts = (List<Map<String, Object>>) fields.getOrDefault(
                OutreachActivityValidator.CONTACTS, List.of());
        for (Map<String, Object> contact : contacts.isEmpty() ? List.<Map<String, Object>>of(Map.of()) : contacts) {
            Map<String, Object> row = new HashMap<>(fields);
            row.remove(OutreachActivityValidator.CONTACTS);
            row.putAll(contact);
            row(row);
        }
    }

    /** Writes the workbook out (the stream is left open). */
    public void finish(OutputStream out) throws IOException {
        workbook.write(out);
    }

    /** Deletes the streaming writer's temporary files. */
    @Override
    public void close() throws IOException {
        workbook.close();
        workbook.dispose();
    }

    private void styles() {
        CreationHelper helper = workbook.getCreationHelper();
        for (Type type : Type.values()) {
            CellStyle style = workbook.createCellStyle();
            String format = switch (type) {
                case WHOLE_NUMBER -> "0";
                case DATE -> ColumnGuide.word("dateFormat", lang);
                default -> "@";
            };
            style.setDataFormat(helper.createDataFormat().getFormat(format));
            styles.put(type, style);
        }
    }

    private void header() {
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        CreationHelper helper = workbook.getCreationHelper();
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            Cell cell = header.createCell(i);
            cell.setCellValue(column.field());
            cell.setCellStyle(bold);
            ClientAnchor anchor = helper.createClientAnchor();
            anchor.setCol1(i);
            anchor.setCol2(i + 4);
            anchor.setRow1(1);
            anchor.setRow2(7);
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(helper.createRichTextString(comment(column)));
            comment.setAuthor("cmm-stats");
            comment.setAddress(0, i);
            cell.setCellComment(comment);
            sheet.setDefaultColumnStyle(i, styles.get(column.type()));
            sheet.setColumnWidth(i, Math.max(14, Math.min(40, column.field().length() + 4)) * 256);
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, columns.size() - 1));
    }

    private String comment(Column column) {
        String text = ColumnGuide.description(kind, column, lang) + "\n"
                + ColumnGuide.word(column.required() ? "required" : "optional", lang);
        String codesSheet = ColumnGuide.word("codesSheet", lang);
        if (column.type() == Type.CODES) {
            text += " " + MessageFormat.format(ColumnGuide.word("pickOrType", lang), codesSheet);
        } else if (column.codes() != null || column.type() == Type.COUNTRY || column.type() == Type.YES_NO) {
            text += " " + MessageFormat.format(ColumnGuide.word("pick", lang), codesSheet);
        }
        return text;
    }

    /**
     * The second sheet: for every coded column a block of rows (column, code, Danish, English), each block a named
     * range that the column's dropdown offers; then the whole-number bounds as validations.
     */
    private void codesSheet(SXSSFSheet codes) {
        Row title = codes.createRow(0);
        List<String> heads = List.of(ColumnGuide.word("field", lang), ColumnGuide.word("code", lang), "Dansk",
                "English");
        for (int i = 0; i < heads.size(); i++) {
            title.createCell(i).setCellValue(heads.get(i));
        }
        codes.createFreezePane(0, 1);
        codes.setColumnWidth(0, 24 * 256);
        codes.setColumnWidth(1, 24 * 256);
        codes.setColumnWidth(2, 40 * 256);
        codes.setColumnWidth(3, 40 * 256);
        DataValidationHelper validations = sheet.getDataValidationHelper();
        int row = 1;
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            List<String[]> entries = entries(column);
            if (!entries.isEmpty()) {
                int first = row;
                for (String[] entry : entries) {
                    Row line = codes.createRow(row++);
                    line.createCell(0).setCellValue(column.field());
                    for (int j = 0; j < entry.length; j++) {
                        line.createCell(j + 1).setCellValue(entry[j]);
                    }
                }
                Name name = workbook.createName();
                name.setNameName("list_" + column.field());
                String labels = lang == Lang.DA ? "C" : "D";
                name.setRefersToFormula(reference(codes.getSheetName()) + "!$" + labels + "$" + (first + 1) + ":$"
                        + labels + "$" + row);
                DataValidation list = validations.createValidation(
                        validations.createFormulaListConstraint("list_" + column.field()), column(i));
                list.setShowErrorBox(true);
                // several referrals are typed with |, which a strict list would refuse
                list.setErrorStyle(column.type() == Type.CODES ? DataValidation.ErrorStyle.WARNING
                        : DataValidation.ErrorStyle.STOP);
                list.createErrorBox(ColumnGuide.word("notInList", lang),
                        MessageFormat.format(ColumnGuide.word("notInListText", lang), codes.getSheetName()));
                list.setEmptyCellAllowed(true);
                sheet.addValidationData(list);
            } else if (column.type() == Type.WHOLE_NUMBER) {
                DataValidation number = validations.createValidation(validations.createIntegerConstraint(
                        DataValidationConstraint.OperatorType.BETWEEN, String.valueOf(column.min()),
                        String.valueOf(column.max())), column(i));
                number.setShowErrorBox(true);
                number.createErrorBox(ColumnGuide.word("notWhole", lang), MessageFormat.format(
                        ColumnGuide.word("notWholeText", lang), String.valueOf(column.min()),
                        String.valueOf(column.max())));
                number.setEmptyCellAllowed(true);
                sheet.addValidationData(number);
            }
        }
    }

    private static CellRangeAddressList column(int index) {
        return new CellRangeAddressList(1, LAST_ROW, index, index);
    }

    private static String reference(String sheetName) {
        return sheetName.matches("[A-Za-z_][A-Za-z0-9_]*") ? sheetName : "'" + sheetName.replace("'", "''") + "'";
    }

    /** A coded column's choices as {code, Danish, English}, sorted by the label offered; empty for other columns. */
    private List<String[]> entries(Column column) {
        List<String[]> entries = new ArrayList<>();
        if (column.codes() != null) {
            for (String code : column.codes().codes()) {
                entries.add(new String[] { code, codebook.label(column.codes(), code, Lang.DA),
                        codebook.label(column.codes(), code, Lang.EN) });
            }
        } else if (column.type() == Type.COUNTRY) {
            for (Country country : codebook.countries()) {
                entries.add(new String[] { country.code(), country.nameDa(), country.nameEn() });
            }
            Comparator<String> byName = java.text.Collator.getInstance(lang.locale())::compare;
            entries.sort(Comparator.comparing(entry -> entry[lang == Lang.DA ? 1 : 2], byName));
        } else if (column.type() == Type.YES_NO) {
            entries.add(new String[] { "true", ColumnGuide.word("yes", Lang.DA), ColumnGuide.word("yes", Lang.EN) });
            entries.add(new String[] { "false", ColumnGuide.word("no", Lang.DA), ColumnGuide.word("no", Lang.EN) });
        }
        return entries;
    }

    private void row(Map<String, Object> fields) {
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            Object value = fields.get(column.field());
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            cell.setCellStyle(styles.get(column.type()));
            switch (column.type()) {
                case WHOLE_NUMBER -> cell.setCellValue(((Number) value).doubleValue());
                case DATE -> cell.setCellValue(LocalDate.parse(value.toString()));
                case YES_NO -> cell.setCellValue(ColumnGuide.word(Boolean.TRUE.equals(value) ? "yes" : "no", lang));
                case CODE -> cell.setCellValue(codebook.label(column.codes(), value.toString(), lang));
                case CODES -> cell.setCellValue(String.join("|", ((List<?>) value).stream()
                        .map(code -> codebook.label(column.codes(), code.toString(), lang)).toList()));
                case COUNTRY -> cell.setCellValue(codebook.country(value.toString()).map(c -> c.name(lang))
                        .orElse(value.toString()));
                case TEXT -> cell.setCellValue(value.toString());
            }
        }
    }
}
