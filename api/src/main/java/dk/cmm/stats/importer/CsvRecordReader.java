package dk.cmm.stats.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file of one kind of record ({@link TableRows} turns its rows into records). The separator, {@code ;}
 * (Danish Excel) or {@code ,}, is the one the header line uses most; a UTF-8 byte order mark is skipped. A header
 * line longer than {@link #HEADER_LIMIT} characters is refused (no kind has a header near that long, and it would
 * only be a file that is not what it says), and so is a row that is one cell holding the other separator: a row
 * saved with {@code ,} in a {@code ;} file, which would otherwise land whole in the first column.
 */
final class CsvRecordReader {

    static final int HEADER_LIMIT = 1 << 16;

    private final String file;
    private final RecordKind kind;
    private final String encoding;
    private final TableRows table;
    private final Consumer<RowProblem> problems;

    private CsvRecordReader(String file, RecordKind kind, String encoding, Consumer<ReadRecord> sink,
            Consumer<RowProblem> problems) {
        this.file = file;
        this.kind = kind;
        this.encoding = encoding;
        this.table = new TableRows(file, kind, null, sink, problems);
        this.problems = problems;
    }

    /**
     * Reads every record of the file into the sink, and every problem of its form (not its values) into problems.
     *
     * @param encoding the name of the encoding the reader decodes, for the message when a byte is not of it
     */
    static void read(String file, Reader source, String encoding, RecordKind kind, Consumer<ReadRecord> sink,
            Consumer<RowProblem> problems) throws IOException {
        new CsvRecordReader(file, kind, encoding, sink, problems).read(source);
    }

    /** Reads a UTF-8 file (tests and callers that know their text). */
    static void read(String file, Reader source, RecordKind kind, Consumer<ReadRecord> sink,
            Consumer<RowProblem> problems) throws IOException {
        read(file, source, "UTF-8", kind, sink, problems);
    }

    /** The separator a header line uses: {@code ;} when it has more semicolons than commas, else {@code ,}. */
    static char separatorOf(String headerLine) {
        long semicolons = headerLine.chars().filter(c -> c == ';').count();
        long commas = headerLine.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    private void read(Reader source) throws IOException {
        BufferedReader reader = new BufferedReader(source, HEADER_LIMIT + 2);
        String headerLine;
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            reader.mark(HEADER_LIMIT + 1);
            headerLine = headerLine(reader);
        } catch (CharacterCodingException e) {
            unreadable(e, 1);
            return;
        }
        if (headerLine == null) {
            return;
        }
        if (headerLine.isBlank()) {
            problems.accept(new RowProblem(file, 1, "header", null, "is missing: the first line must name the "
                    + "columns (" + String.join(", ", kind.csvColumns()) + ")"));
            return;
        }
        reader.reset();
        char separator = separatorOf(headerLine);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(false).get();
        long lastLine = 0;
        try (CSVParser parser = format.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    unreadable(e.getCause(), lastLine + 1);
                    return;
                }
                long line = lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
                List<String> cells = record.toList();
                if (!table.hasHeader()) {
                    table.header(line, cells);
                } else if (!otherSeparator(cells, separator, line)) {
                    table.row(line, cells);
                }
            }
        }
        table.finish();
    }

    /**
     * The first line, at most {@link #HEADER_LIMIT} characters; null (with the problem reported) when it is longer.
     */
    private String headerLine(BufferedReader reader) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = reader.read()) >= 0 && c != '\n' && c != '\r') {
            if (line.length() == HEADER_LIMIT) {
                problems.accept(new RowProblem(file, 1, "header", line.toString(), "is longer than 64 KiB; no header "
                        + "of " + kind.optionName() + " is (it names at most " + kind.csvColumns().size()
                        + " columns): is this a CSV file with a header row as its first line?"));
                return null;
            }
            line.append((char) c);
        }
        return line.toString();
    }

    /** Whether a row is one cell holding the other separator (reported): saved with another separator. */
    private boolean otherSeparator(List<String> cells, char separator, long line) {
        char other = separator == ';' ? ',' : ';';
        if (table.width() < 2 || cells.size() != 1 || cells.get(0).indexOf(other) < 0) {
            return false;
        }
        problems.accept(new RowProblem(file, line, "row", cells.get(0), "is one cell: the row is separated by '"
                + other + "', but the header row by '" + separator + "'; save the whole file with one separator"));
        return true;
    }

    private void unreadable(Throwable e, long line) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof CharacterCodingException)) {
            cause = cause.getCause();
        }
        String problem = cause instanceof CharacterCodingException ? "is not " + encoding + " text"
                : "is not readable CSV: " + e.getMessage();
        problems.accept(new RowProblem(file, line, "file", null, problem));
    }
}
