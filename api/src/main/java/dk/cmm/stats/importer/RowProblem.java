package dk.cmm.stats.importer;

import dk.cmm.stats.validation.Violation;

/** A problem found in one row of one file, printed as {@code file:line: field 'x': value 'y' is not …}. */
public record RowProblem(String file, long line, String field, String value, String problem) {

    static RowProblem of(SourceRow row, Violation violation) {
        return new RowProblem(row.file(), row.line(), violation.field(), violation.value(), violation.problem());
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + new Violation(field, value, problem).message();
    }
}
