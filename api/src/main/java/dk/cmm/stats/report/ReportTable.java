package dk.cmm.stats.report;

import java.util.List;
import java.util.Map;

import dk.cmm.stats.stats.Stats;

/**
 * A table a report publishes, in the API's own terms: the subject, the filter (dimension → codes) and the
 * dimensions it is broken down by, with its numbers. Every group with someone in it is published; a group not
 * listed is 0. The export writes them all to {@code data/report-tables.json}, so that what the pages state in
 * words (the prepared returns by accommodation, the EU citizens by nationality) can be read by a program too.
 */
record ReportTable(String subject, Map<String, List<String>> filter, List<String> groupBy, Stats answer) {

    static final String PERSONS = "persons";
    static final String HOTLINE = "hotline";
}
