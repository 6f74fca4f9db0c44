package dk.cmm.stats.importer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.cmm.stats.validation.Violation;

/**
 * One record read from an import file, with the line of each of its contacts: in CSV an outreach activity spans one
 * line per contact, and a problem with a contact is reported on that contact's line, under the column's name.
 */
record ReadRecord(SourceRow row, List<Long> contactLines) {

    private static final Pattern CONTACT_FIELD = Pattern.compile("contacts\\[(\\d+)]\\.(\\w+)");

    static ReadRecord of(SourceRow row) {
        return new ReadRecord(row, List.of());
    }

    /** The last line the record was read from. */
    long lastLine() {
        return contactLines.isEmpty() ? row.line() : Math.max(row.line(), contactLines.get(contactLines.size() - 1));
    }

    RowProblem problem(Violation violation) {
        Matcher contact = CONTACT_FIELD.matcher(violation.field());
        if (contact.matches()) {
            int index = Integer.parseInt(contact.group(1));
            if (index < contactLines.size()) {
                return row.problem(contactLines.get(index), contact.group(2), violation.value(), violation.problem());
            }
        }
        return RowProblem.of(row, violation);
    }
}
