package dk.cmm.stats.report;

import java.util.ArrayList;
import java.util.List;

import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.stats.GroupKey;

/**
 * One figure's numbers, the same in every language: the CSV is written from it and each language's page labels it.
 * A row's count is null where the number is not available (a year without data), never zero.
 *
 * @param id           file and anchor id: {@code 01} … {@code 14}, {@code 14-2}
 * @param number       the figure number as printed: {@code 1} … {@code 14}, {@code 14.2}
 * @param dimensions   one dimension (bars, columns), or two for grouped bars: category, then series
 * @param rows         in display order; for grouped bars every category × series, category-major
 * @param total        what the figure counts in all (persons, cases or calls), for shares
 */
record FigureData(String id, String number, Chart chart, Unit unit, List<String> dimensions, List<Row> rows,
        Availability availability, int total) {

    enum Chart {
        COLUMNS, BARS, GROUPED, GROUPED_COLUMNS;

        /** As the templates see it: {@code bars}, {@code grouped-columns}, … */
        String css() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        boolean grouped() {
            return this == GROUPED || this == GROUPED_COLUMNS;
        }
    }

    enum Unit { PERSONS, CASES, CALLS }

    /** DATA: something to draw; EMPTY: a true nothing (no cases); NOT_AVAILABLE: the attribute is not recorded. */
    enum Availability { DATA, EMPTY, NOT_AVAILABLE }

    record Row(List<GroupKey> key, Integer count) {

        String code() {
            return key.get(0).code();
        }

        boolean unknown() {
            return key.stream().anyMatch(k -> Codebook.UNKNOWN.equals(k.code()));
        }
    }

    String csvFile() {
        return "figure-" + id + ".csv";
    }

    /** The categories of a grouped figure (or the rows' codes), in order, without repeats. */
    List<String> categories() {
        List<String> codes = new ArrayList<>();
        rows.forEach(r -> {
            if (!codes.contains(r.code())) {
                codes.add(r.code());
            }
        });
        return codes;
    }

    /** The series of a grouped figure, in order. */
    List<String> series() {
        List<String> codes = new ArrayList<>();
        if (dimensions.size() > 1) {
            rows.forEach(r -> {
                if (!codes.contains(r.key().get(1).code())) {
                    codes.add(r.key().get(1).code());
                }
            });
        }
        return codes;
    }

    Integer count(String category, String series) {
        return rows.stream().filter(r -> r.code().equals(category) && r.key().get(1).code().equals(series))
                .findFirst().map(Row::count).orElse(null);
    }
}
