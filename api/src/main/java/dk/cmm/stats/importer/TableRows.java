package dk.cmm.stats.importer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dk.cmm.stats.outreach.OutreachActivityValidator;

/**
 * Turns the rows of a table, a CSV file or a worksheet, into records: the header row names the columns (in any
 * order and case), then one record per row; rows whose cells are all empty are skipped. Outreach activities have one
 * row per contact: consecutive rows with the same activityId are one activity, and a continuation row may leave the
 * activity's own columns empty (if it fills them they must match the first row).
 */
final class TableRows {

    private final String file;
    private final RecordKind kind;
    private final String sheet;
    private final Consumer<ReadRecord> sink;
    private final Consumer<RowProblem> problems;
    private final ActivityGrouper activities;
    private final BitSet unnamed = new BitSet();
    private String[] columns;
    private SheetColumns sheetColumns;

    /** @param sheet the worksheet's name, so that problems name their cell; null for a CSV file */
    TableRows(String file, RecordKind kind, String sheet, Consumer<ReadRecord> sink, Consumer<RowProblem> problems) {
        this.file = file;
        this.kind = kind;
        this.sheet = sheet;
        this.sink = sink;
        this.problems = problems;
        this.activities = kind == RecordKind.ACTIVITIES ? new ActivityGrouper() : null;
    }

    boolean hasHeader() {
        return columns != null;
    }

    /** The number of columns the header row has. */
    int width() {
        return columns == null ? 0 : columns.length;
    }

    /**
     * Maps each column to the field it names; unknown and duplicate columns (reported here) map to null, and so do
     * columns with an empty header cell (Excel adds such columns; their cells must stay empty too).
     */
    void header(long line, List<String> cells) {
        Map<String, String> known = new HashMap<>();
        kind.csvColumns().forEach(column -> known.put(column.toLowerCase(Locale.ROOT), column));
        columns = new String[cells.size()];
        Map<String, Integer> fieldColumns = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i) == null ? "" : cells.get(i).trim();
            String field = known.get(name.toLowerCase(Locale.ROOT));
            if (name.isEmpty()) {
                unnamed.set(i);
                continue;
            }
            if (field == null) {
                problems.accept(problem(line, i, name, null, "is not a column of " + kind.optionName()
                        + " (columns: " + String.join(", ", kind.csvColumns()) + ")"));
            } else if (fieldColumns.containsKey(field)) {
                problems.accept(problem(line, i, name, null, "is a column given twice"));
            } else {
                fieldColumns.put(field, i);
                columns[i] = field;
            }
        }
        sheetColumns = sheet == null ? null : new SheetColumns(sheet, Map.copyOf(fieldColumns));
    }

    /** The field a column holds, or null. */
    String fieldOf(int column) {
        return columns != null && column < columns.length ? columns[column] : null;
    }

    /** A problem with a cell: in a sheet it names the cell, in CSV the line. */
    RowProblem problem(long line, int column, String field, String value, String text) {
        return new RowProblem(file, line, field, value, text, sheet == null ? null
                : new SheetColumns(sheet, Map.of()).cell(line, column));
    }

    /** A record's row; {@code cells} may be shorter than the header. */
    void row(long line, List<String> cells) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean empty = true;
        int firstUnnamed = -1;
        int unnamedCount = 0;
        for (int i = 0; i < cells.size(); i++) {
            String value = cells.get(i) == null ? "" : cells.get(i);
            if (!value.isBlank()) {
                empty = false;
                if (i >= columns.length || unnamed.get(i)) {
                    firstUnnamed = firstUnnamed < 0 ? i : firstUnnamed;
                    unnamedCount++;
                    continue;
                }
            }
            if (i < columns.length && columns[i] != null) {
                values.put(columns[i], value.trim());
            }
        }
        if (firstUnnamed >= 0) {
            // one problem per row, however many cells: a row of 100,000 columns is one mistake, not 100,000
            String more = unnamedCount == 1 ? "" : " (and " + String.format(Locale.ROOT, "%,d", unnamedCount - 1)
                    + " more cells of this row)";
            problems.accept(problem(line, firstUnnamed, sheet == null ? "column " + (firstUnnamed + 1)
                    : "column " + org.apache.poi.ss.util.CellReference.convertNumToColString(firstUnnamed),
                    cells.get(firstUnnamed).trim(), "is in a column without a name in the header row" + more));
        }
        if (empty) {
            return;
        }
        if (activities != null) {
            activities.add(values, line);
        } else {
            sink.accept(ReadRecord.of(new SourceRow(file, line, new LinkedHashMap<String, Object>(nonBlank(values)),
                    sheetColumns)));
        }
    }

    /** The table has ended: hands on the activity under way. */
    void finish() {
        if (activities != null) {
            activities.flush();
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
                    SourceRow row = new SourceRow(file, firstLine, Map.of(), sheetColumns);
                    problems.accept(row.problem(line, column, value, "differs from the activity's first row, "
                            + row.where(firstLine) + " ('" + (first == null ? "" : RowProblem.shown(first.toString()))
                            + "'); leave it empty or repeat the same value"));
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
            sink.accept(new ReadRecord(new SourceRow(file, firstLine, fields, sheetColumns),
                    List.copyOf(contactLines)));
            fields = null;
        }

        private List<String> activityColumns() {
            return RecordKind.ACTIVITIES.fields().stream()
                    .filter(field -> !field.equals(OutreachActivityValidator.CONTACTS)).toList();
        }
    }
}
