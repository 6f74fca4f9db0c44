package dk.cmm.stats.importer;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads one worksheet of an Excel workbook (.xlsx) with POI's streaming (SAX) reader, so that a sheet of any size
 * is read in bounded memory; {@link TableRows} turns its rows into records, exactly as for CSV. The sheet is the one
 * named after the file's kind ({@code persons}, {@code personer} does not count), or else the first.
 *
 * <p>Cells are read by their Excel type: a number shown as a date becomes {@code YYYY-MM-DD}; a whole number is
 * written without decimals ({@code 25}, not {@code 25.0}); a boolean is {@code true}/{@code false}; a formula gives
 * the value Excel last computed (its cached value); an error value ({@code #N/A}) is a problem. A merged cell's value
 * belongs to every row the merge spans, in its first column (a year merged down a block of rows is that year on each
 * row); Excel keeps merges after the rows, so a first, light pass over the sheet collects them.
 */
final class XlsxRecordReader {

    private static final String ERROR = "ERROR:";

    private XlsxRecordReader() {
    }

    /**
     * The sheet a workbook's records of the kind are read from.
     *
     * @throws IllegalArgumentException when the file is not an .xlsx workbook
     */
    static String sheetOf(Path file, RecordKind kind) {
        return open(file, workbook -> {
            XSSFReader.SheetIterator sheets = sheets(workbook.reader);
            String first = null;
            while (sheets.hasNext()) {
                sheets.next().close();
                String name = sheets.getSheetName();
                if (first == null) {
                    first = name;
                }
                if (RecordKind.parse(name).orElse(null) == kind) {
                    return name;
                }
            }
            if (first == null) {
                throw new RefusedFileException(file, "is a workbook without sheets");
            }
            return first;
        });
    }

    /** The number of the sheet's last row (a progress bar's length: progress is told by row number). */
    static long rows(ImportFile file) {
        return open(file.path(), workbook -> workbook.layout(file.sheet()).rows);
    }

    /** Reads every record of the file's sheet into the sink, and every problem of its form into problems. */
    static void read(ImportFile file, Consumer<ReadRecord> sink, Consumer<RowProblem> problems) {
        open(file.path(), workbook -> {
            Layout layout = workbook.layout(file.sheet());
            TableRows table = new TableRows(file.name(), file.kind(), file.sheet(), sink, problems);
            Rows rows = new Rows(table, layout.merges, problems);
            try (InputStream sheet = workbook.sheet(file.sheet())) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(workbook.reader.getStylesTable(), null,
                        new ReadOnlySharedStringsTable(workbook.pkg, false), rows,
                        new CellText(workbook.date1904()), false));
                parser.parse(new InputSource(sheet));
            } catch (SAXException | javax.xml.parsers.ParserConfigurationException e) {
                throw new RefusedFileException(file.name(), RefusedFileException.workbookProblem(e), e);
            }
            table.finish();
            return null;
        });
    }

    private static <T> T open(Path file, WorkbookTask<T> task) {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | IllegalArgumentException | org.apache.poi.ooxml.POIXMLException e) {
            throw new RefusedFileException(file, RefusedFileException.workbookProblem(e), e);
        }
        try {
            return task.run(new Workbook(pkg, new XSSFReader(pkg)));
        } catch (IOException | OpenXML4JException | XMLStreamException | org.apache.poi.ooxml.POIXMLException e) {
            throw new RefusedFileException(file, RefusedFileException.workbookProblem(e), e);
        } finally {
            pkg.revert();
        }
    }

    private static XSSFReader.SheetIterator sheets(XSSFReader reader) throws IOException, OpenXML4JException {
        return (XSSFReader.SheetIterator) reader.getSheetsData();
    }

    @FunctionalInterface
    private interface WorkbookTask<T> {
        T run(Workbook workbook) throws IOException, OpenXML4JException, XMLStreamException;
    }

    /** An open workbook package and POI's reader of its parts. */
    private record Workbook(OPCPackage pkg, XSSFReader reader) {

        InputStream sheet(String name) throws IOException, OpenXML4JException {
            XSSFReader.SheetIterator sheets = sheets(reader);
            while (sheets.hasNext()) {
                InputStream sheet = sheets.next();
                if (sheets.getSheetName().equals(name)) {
                    return sheet;
                }
                sheet.close();
            }
            throw new IllegalStateException("the workbook has no sheet " + name + " any more");
        }

        /** Whether dates count from 1904 (old Mac Excel) rather than 1900: {@code <workbookPr date1904="1"/>}. */
        boolean date1904() throws IOException, OpenXML4JException, XMLStreamException {
            try (InputStream in = reader.getWorkbookData()) {
                XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                        if (xml.getLocalName().equals("workbookPr")) {
                            String value = xml.getAttributeValue(null, "date1904");
                            return "1".equals(value) || "true".equalsIgnoreCase(value);
                        }
                        if (xml.getLocalName().equals("sheets")) {
                            return false;
                        }
                    }
                }
                return false;
            }
        }

        /** A light pass over the sheet: its last row number and its merged cells. */
        Layout layout(String name) throws IOException, OpenXML4JException, XMLStreamException {
            try (InputStream in = sheet(name)) {
                XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
                long rows = 0;
                List<CellRangeAddress> merges = new ArrayList<>();
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                        String element = xml.getLocalName();
                        if (element.equals("row")) {
                            // the row number where given (empty rows are left out of the file), else the count
                            String number = xml.getAttributeValue(null, "r");
                            rows = number == null ? rows + 1 : Math.max(rows, Long.parseLong(number));
                        } else if (element.equals("mergeCell")) {
                            CellRangeAddress range = CellRangeAddress.valueOf(xml.getAttributeValue(null, "ref"));
                            if (range.getLastRow() > range.getFirstRow()) {
                                merges.add(range);
                            }
                        }
                    }
                }
                merges.sort(Comparator.comparingInt(CellRangeAddress::getFirstRow));
                return new Layout(rows, merges);
            }
        }
    }

    private record Layout(long rows, List<CellRangeAddress> merges) {
    }

    /** A cell's value as text, by its Excel type rather than by how the sheet shows it. */
    static final class CellText extends DataFormatter {

        private final boolean date1904;

        CellText(boolean date1904) {
            super(Locale.ROOT);
            this.date1904 = date1904;
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, date1904);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, date1904).toLocalDate().toString();
            }
            return number(value);
        }

        /** A whole number without decimals, any other in plain decimal notation. */
        static String number(double value) {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    /** Gathers each row's cells, fills merged cells, and hands the rows on to the table. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final TableRows table;
        private final List<CellRangeAddress> merges;
        private final Consumer<RowProblem> problems;
        /** Vertical merges whose first row has been read, with the value of their first cell. */
        private final List<Merged> active = new ArrayList<>();
        private int nextMerge;
        private List<String> cells = new ArrayList<>();
        private int nextColumn;

        Rows(TableRows table, List<CellRangeAddress> merges, Consumer<RowProblem> problems) {
            this.table = table;
            this.merges = merges;
            this.problems = problems;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
            nextColumn = 0;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? nextColumn : new CellReference(reference).getCol();
            nextColumn = column + 1;
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, value);
        }

        @Override
        public void endRow(int rowNum) {
            long line = rowNum + 1L;
            fillMerged(rowNum);
            for (int column = 0; column < cells.size(); column++) {
                String value = cells.get(column);
                if (value != null && value.startsWith(ERROR) && table.hasHeader()) {
                    String field = table.fieldOf(column);
                    problems.accept(table.problem(line, column, field != null ? field
                            : "column " + CellReference.convertNumToColString(column), value.substring(ERROR.length()),
                            "is an Excel error, not a value: correct the cell or its formula"));
                    cells.set(column, null);
                }
            }
            if (!table.hasHeader()) {
                if (cells.stream().anyMatch(cell -> cell != null && !cell.isBlank())) {
                    table.header(line, cells);
                }
            } else {
                table.row(line, cells);
            }
        }

        private void fillMerged(int row) {
            active.removeIf(merged -> merged.range.getLastRow() < row);
            for (Merged merged : active) {
                int column = merged.range.getFirstColumn();
                if (column >= cells.size() || cells.get(column) == null || cells.get(column).isEmpty()) {
                    while (cells.size() <= column) {
                        cells.add(null);
                    }
                    cells.set(column, merged.value);
                }
            }
            while (nextMerge < merges.size() && merges.get(nextMerge).getFirstRow() <= row) {
                CellRangeAddress range = merges.get(nextMerge++);
                int column = range.getFirstColumn();
                if (range.getFirstRow() == row && column < cells.size() && cells.get(column) != null) {
                    active.add(new Merged(range, cells.get(column)));
                }
            }
        }

        private record Merged(CellRangeAddress range, String value) {
        }
    }
}
