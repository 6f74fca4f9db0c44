package dk.cmm.stats.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import dk.cmm.stats.outreach.OutreachActivityValidator;

/**
 * Reads a CSV file of one kind of record: a header row naming the columns (in any order and case), then one record
 * per row. The separator, {@code ;} (Danish Excel) or {@code ,}, is the one the header line uses most; a UTF-8 byte
 * order mark is skipped; rows whose cells are all empty are skipped. Outreach activities have one row per contact:
 * consecutive rows with the same activityId are one activity, and a continuation row may leave the activity's own
 * columns empty (if it fills them they must match the first row).
 */
final class CsvRecordReader {

    private static final int HEADER_LOOKAHEAD = 1 << 16;

    private final String file;
    private final RecordKind kind;
    private final Consumer<ReadRecord> sink;
    private final Consumer<RowProblem> problems;
    private final ActivityGrouper activities;
    private final BitSet unnamed = new BitSet();

    private CsvRecordReader(String file, RecordKind kind, Consumer<ReadRecord> sink, Consumer<RowProblem> problems) {
        this.file = file;
        this.kind = kind;
        this.sink = sink;
        this.problems = problems;
        this.activities = kind == RecordKind.ACTIVITIES ? new ActivityGrouper() : null;
    }

    /** Reads every record of the file into the sink, and every problem of its form (not its values) into problems. */
    static void read(String file, Reader source, RecordKind kind, Consumer<ReadRecord> sink,
            Consumer<RowProblem> problems) throws IOException {
        new CsvRecordReader(file, kind, sink, problems).read(source);
    }

    /** The separator a header line uses: {@code ;} when it has more semicolons than commas, else {@code ,}. */
    static char separatorOf(String headerLine) {
        long semicolons = headerLine.chars().filter(c -> c == ';').count();
        long commas = headerLine.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    private void read(Reader source) throws IOException {
        BufferedReader reader = new BufferedReader(source, HEADER_LOOKAHEAD);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        reader.mark(HEADER_LOOKAHEAD);
        String headerLine = reader.readLine();
        if (headerLine == null || headerLine.isBlank()) {
            problems.accept(new RowProblem(file, 1, "header", null, "is missing: the first line must name the "
                    + "columns (" + String.join(", ", kind.csvColumns()) + ")"));
            return;
        }
        reader.reset();
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separatorOf(headerLine))
                .setIgnoreEmptyLines(false).get();
        long lastLine = 0;
        try (CSVParser parser = format.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            String[] columns = null;
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
                if (columns == null) {
                    columns = header(record);
                } else {
                    row(columns, record, line);
                }
            }
        }
        if (activities != null) {
            activities.flush();
        }
    }

    private void unreadable(Throwable e, long line) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof CharacterCodingException)) {
            cause = cause.getCause();
        }
        String problem = cause instanceof CharacterCodingException ? "is not UTF-8 text"
                : "is not readable CSV: " + e.getMessage();
        problems.accept(new RowProblem(file, line, "file", null, problem));
    }

    /**
     * Maps each column to the field it names; unknown and duplicate columns (reported here) map to null, and so do
     * columns with an empty header cell (Excel adds such columns; their cells must stay empty too).
     */
    private String[] header(CSVRecord record) {
        Map<String, String> known = new HashMap<>();
        kind.csvColumns().forEach(column -> known.put(column.toLowerCase(Locale.ROOT), column));
        String[] columns = new String[record.size()];
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).trim();
            String field = known.get(name.toLowerCase(Locale.ROOT));
            if (name.isEmpty()) {
                unnamed.set(i);
                continue;
            }
            if (field == null) {
                problems.accept(new RowProblem(file, 1, name, null, "is not a column of " + kind.optionName()
                        + " (columns: " + String.join(", ", kind.csvColumns()) + ")"));
            } else if (seen.contains(field)) {
                problems.accept(new RowProblem(file, 1, name, null, "is a column given twice"));
            } else {
                seen.add(field);
                columns[i] = field;
            }
        }
        return columns;
    }

    private void row(String[] columns, CSVRecord record, long line) {
        Map<String, String> cells = new LinkedHashMap<>();
        boolean empty = true;
        for (int i = 0; i < record.size(); i++) {
            String value = record.get(i);
            if (!value.isBlank()) {
                empty = false;
                if (i >= columns.length || unnamed.get(i)) {
                    problems.accept(new RowProblem(file, line, "column " + (i + 1), value.trim(),
                            "is in a column without a name in the header row"));
                    continue;
                }
            }
            if (i < columns.length && columns[i] != null) {
                cells.put(columns[i], value.trim());
            }
        }
        if (empty) {
            return;
        }
        if (activities != null) {
            activities.add(cells, line);
        } else {
            sink.accept(ReadRecord.of(new SourceRow(file, line, new LinkedHashMap<String, Object>(nonBlank(cells)))));
        }
    }

    private static Map<String, String> nonBlank(Map<String, String> cells) {
        Map<String, String> values = new LinkedHashMap<>();
        cells.forEach((field, value) -> {
            if (!value.isEmpty()) {
                values.put(field, value);
            }
        });
        return values;
    }

    /** Gathers consecutive rows of one activity into one record with a list of contacts. */
    private final class ActivityGrouper {

        private String activityId;
        private long firstLine;
        private Map<String, Object> fields;
        private List<Map<String, String>> contacts;
        private List<Long> contactLines;

        void add(Map<String, String> cells, long line) {
            String id = cells.getOrDefault("activityId", "");
            if (fields != null && !id.isEmpty() && id.equals(activityId)) {
                continueActivity(cells, line);
            } else {
                flush();
                activityId = id;
                firstLine = line;
                fields = new LinkedHashMap<>();
                contacts = new ArrayList<>();
                contactLines = new ArrayList<>();
                activityColumns().forEach(column -> {
                    String value = cells.getOrDefault(column, "");
                    if (!value.isEmpty()) {
                        fields.put(column, value);
                    }
                });
            }
            Map<String, String> contact = new LinkedHashMap<>();
            OutreachActivityValidator.CONTACT_FIELDS.forEach(column -> contact.put(column,
                    cells.getOrDefault(column, "")));
            Map<String, String> given = nonBlank(contact);
            if (!given.isEmpty()) {
                contacts.add(given);
                contactLines.add(line);
            }
        }

        private void continueActivity(Map<String, String> cells, long line) {
            for (String column : activityColumns()) {
                String value = cells.getOrDefault(column, "");
                Object first = fields.get(column);
                if (!value.isEmpty() && !Objects.equals(value, first)) {
                    problems.accept(new RowProblem(file, line, column, value, "differs from the activity's first "
                            + "row, line " + firstLine + " ('" + (first == null ? "" : first) + "'); leave it empty "
                            + "or repeat the same value"));
                }
            }
        }

        void flush() {
            if (fields == null) {
                return;
            }
            if (!contacts.isEmpty()) {
                fields.put(OutreachActivityValidator.CONTACTS, List.copyOf(contacts));
            }
            sink.accept(new ReadRecord(new SourceRow(file, firstLine, fields), List.copyOf(contactLines)));
            fields = null;
        }

        private List<String> activityColumns() {
            return RecordKind.ACTIVITIES.fields().stream()
                    .filter(field -> !field.equals(OutreachActivityValidator.CONTACTS)).toList();
        }
    }
}
