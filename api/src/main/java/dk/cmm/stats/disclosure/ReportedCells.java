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
     * The report's tables of the year: each a filter (dimension → one code) and the dimensions it is broken down
     * by. The report publishes every group of such a table, zeros included (a group it does not list is 0), so
     * every cell of it is known.
     */
    List<Table> of(int year);

    record Table(Map<String, String> filter, List<String> groupBy) {
    }
}
