package dk.cmm.stats.disclosure;

import java.util.List;
import java.util.Map;

/**
 * The numbers the centre's own report of a year publishes about its persons, as cells (dimension → code). They are
 * public by the centre's choice: a release publishes them unchanged, and its protection takes them as known to
 * the attacker. The report provides them ({@code report.ReportPublication}); without it there are none.
 */
public interface ReportedCells {

    /**
     * The reports' tables about the year's persons: each a filter (dimension → one code) and the dimensions it is
     * broken down by. A table may run over three axes (two fixed codes and a breakdown, such as a year's prepared
     * returns by nationality). The report publishes every group of such a table, zeros included (a group it does not list is 0), so
     * every cell of it is known.
     */
    List<Table> of(int year);

    /** The report's tables of the year's hotline calls, in the same terms. */
    default List<Table> hotline(int year) {
        return List.of();
    }

    record Table(Map<String, String> filter, List<String> groupBy) {
    }
}
