package dk.cmm.stats.disclosure;

import java.util.List;
import java.util.Map;

/**
 * The numbers the centre's own report of a year publishes about its persons, as cells (dimension → code). They are
 * public by the centre's choice: a release publishes them unchanged, and its protection takes them as known to
 * the attacker. The report provides them ({@code report.ReportPublication}); without it there are none.
 */
public interface ReportedCells {

    List<Map<String, String>> of(int year);
}
