package dk.cmm.stats.importer;

import java.util.Map;

/**
 * One record read from a file: where it came from (for error messages) and its raw fields. A record read from a
 * workbook also knows its sheet and the column of each field, so that a problem names its cell ({@code Sheet1!C7}).
 */
public record SourceRow(String file, long line, Map<String, Object> fields, SheetColumns sheet) {

    public SourceRow(String file, long line, Map<String, Object> fields) {
        this(file, line, fields, null);
    }

    /** A problem with a field of this record, found on the given line (a CSV activity spans lines). */
    RowProblem problem(long atLine, String field, String value, String problem) {
        return new RowProblem(file, atLine, field, value, problem, sheet == null ? null : sheet.cell(atLine, field));
    }

    /** How a place in the file is called in a message: "line 7" in a text file, "row 7" in a sheet. */
    String where(long atLine) {
        return (sheet == null ? "line " : "row ") + atLine;
    }
}
