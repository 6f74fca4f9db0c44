package dk.cmm.stats.importer;

import java.util.Locale;

import dk.cmm.stats.validation.Violation;

/**
 * A problem found in one row of one file, printed as {@code file:line: field 'x': value 'y' is not …}, or for a
 * workbook as {@code file.xlsx:Sheet1!C7: field 'x': …} ({@code cell} is then where the problem is).
 *
 * <p>What the file holds is printed escaped and cut short: a field name or value shows at most {@link #SHOWN}
 * characters, with control characters written as {@code \n}, {@code \u0000} and so on, so that a hostile or broken
 * file can neither flood the console nor send it escape sequences.
 */
public record RowProblem(String file, long line, String field, String value, String problem, String cell) {

    /** How many characters of a value (or field name) a message shows. */
    static final int SHOWN = 60;

    public RowProblem(String file, long line, String field, String value, String problem) {
        this(file, line, field, value, problem, null);
    }

    static RowProblem of(SourceRow row, Violation violation) {
        return row.problem(row.line(), violation.field(), violation.value(), violation.problem());
    }

    @Override
    public String toString() {
        String where = file + ":" + (cell != null ? cell : line) + ": field '" + shown(field) + "': ";
        if (value == null) {
            return where + escaped(problem);
        }
        String length = value.length() > SHOWN
                ? " (" + String.format(Locale.ROOT, "%,d", value.length()) + " characters)" : "";
        return where + "value '" + shown(value) + "'" + length + " " + escaped(problem);
    }

    /** The first {@link #SHOWN} characters of a text, control characters escaped, {@code …} where it was cut. */
    static String shown(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= SHOWN ? escaped(text) : escaped(text.substring(0, SHOWN)) + "…";
    }

    /** The text with every control character and invisible format character written as a Java escape. */
    static String escaped(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // C0/C1 controls (NUL, ESC, …) and invisible format characters (bidi overrides, zero-width spaces)
            boolean control = Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
            if (control && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (!control) {
                    out.append(c);
                } else if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\r') {
                    out.append("\\r");
                } else if (c == '\t') {
                    out.append("\\t");
                } else {
                    out.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
