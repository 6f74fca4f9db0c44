package dk.cmm.stats.report;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.cmm.stats.stats.FilterField;
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

    /**
     * The filter's dimensions in the order of the subject's filter fields ({@link FilterField}), whatever map it came
     * in: {@code report-tables.json} must be byte for byte the same in every export, and a {@code Map.of} iterates
     * in an order that changes from one process to the next.
     */
    ReportTable {
        List<String> order = (HOTLINE.equals(subject) ? FilterField.HOTLINE : FilterField.PERSON).stream()
                .filter(f -> f.dimension() != null).map(f -> f.dimension().name()).distinct().toList();
        Map<String, List<String>> given = filter;
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        given.keySet().stream()
                .sorted(Comparator.comparingInt((String d) -> order.contains(d) ? order.indexOf(d) : order.size())
                        .thenComparing(Comparator.naturalOrder()))
                .forEach(d -> ordered.put(d, List.copyOf(given.get(d))));
        filter = Collections.unmodifiableMap(ordered);
        groupBy = List.copyOf(groupBy);
    }
}
