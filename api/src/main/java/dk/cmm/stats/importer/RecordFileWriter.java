package dk.cmm.stats.importer;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import dk.cmm.stats.outreach.OutreachActivityValidator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes records in exactly the form the importer reads. CSV starts with a UTF-8 byte order mark and the header
 * row, and uses {@code ;} by default, so that Excel (Danish or not) opens it with its columns and æ, ø, å intact;
 * an outreach activity takes one row per contact with the activity's columns repeated, or one row with empty
 * contact columns when it has none; referrals are separated by {@code |}. JSON Lines holds one object per record,
 * fields in column order, absent values left out.
 */
public final class RecordFileWriter {

    public static final char DEFAULT_SEPARATOR = ';';
    /** Separates the codes of a contact's referrals in one CSV cell. */
    public static final String LIST_SEPARATOR = "|";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Writer out;
    private final RecordKind kind;
    private final CSVPrinter csv;

    private RecordFileWriter(Writer out, RecordKind kind, CSVPrinter csv) {
        this.out = out;
        this.kind = kind;
        this.csv = csv;
    }

    /** Starts a file of the kind in the format: for CSV writes the byte order mark and the header row. */
    public static RecordFileWriter start(Writer out, RecordKind kind, DataFormat format, char separator)
            throws IOException {
        if (format == DataFormat.JSONL) {
            return new RecordFileWriter(out, kind, null);
        }
        if (separator != ';' && separator != ',') {
            throw new IllegalArgumentException("the CSV separator must be ';' or ',', not '" + separator + "'");
        }
        out.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setDelimiter(separator)
                .setRecordSeparator("\n").get());
        printer.printRecord(kind.csvColumns());
        return new RecordFileWriter(out, kind, printer);
    }

    public void write(Object record) throws IOException {
        Map<String, Object> fields = RecordFields.of(record);
        if (csv == null) {
            out.write(JSON.writeValueAsString(fields));
            out.write('\n');
            return;
        }
        for (List<String> row : rows(fields)) {
            csv.printRecord(row);
        }
    }

    public void flush() throws IOException {
        if (csv != null) {
            csv.flush();
        }
        out.flush();
    }

    private List<List<String>> rows(Map<String, Object> fields) {
        if (kind != RecordKind.ACTIVITIES) {
            return List.of(kind.csvColumns().stream().map(column -> cell(fields.get(column))).toList());
        }
        List<String> activity = new ArrayList<>();
        for (String column : kind.fields()) {
            if (!column.equals(OutreachActivityValidator.CONTACTS)) {
                activity.add(cell(fields.get(column)));
            }
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> contacts = (List<Map<String, Object>>) fields.getOrDefault(
                OutreachActivityValidator.CONTACTS, List.of());
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> contact : contacts.isEmpty() ? List.<Map<String, Object>>of(Map.of()) : contacts) {
            List<String> row = new ArrayList<>(activity);
            OutreachActivityValidator.CONTACT_FIELDS.forEach(column -> row.add(cell(contact.get(column))));
            rows.add(row);
        }
        return rows;
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return String.join(LIST_SEPARATOR, list.stream().map(String::valueOf).toList());
        }
        return value.toString();
    }
}
