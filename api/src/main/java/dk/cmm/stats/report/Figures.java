package dk.cmm.stats.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dk.cmm.stats.codebook.AssessedBy;
import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.report.FigureData.Availability;
import dk.cmm.stats.report.FigureData.Chart;
import dk.cmm.stats.report.FigureData.Row;
import dk.cmm.stats.report.FigureData.Unit;
import dk.cmm.stats.stats.Dimension;
import dk.cmm.stats.stats.Group;
import dk.cmm.stats.stats.GroupKey;
import dk.cmm.stats.stats.GroupOrder;
import dk.cmm.stats.stats.PersonDimension;
import dk.cmm.stats.stats.Stats;

/**
 * The report's figures, as their rows are ordered from the statistics' answers. Unknown stays unknown: an attribute
 * without data becomes a figure marked not available, never a zero.
 */
final class Figures {

    private Figures() {
    }

    enum Order { BY_COUNT, BY_CODE }

    /**
     * A one-dimension figure. Zero rows (from {@code includeEmpty}) are kept only when the attribute is known for
     * everyone: beside "not available" persons a zero could be anyone. "Not available" comes last.
     *
     * @param parentKnown whether an empty figure means "none" (the population is known) rather than "not available"
     */
    static FigureData bars(String id, Dimension dimension, Stats stats, Order order, boolean parentKnown, Unit unit) {
        boolean hasUnknown = stats.count(Codebook.UNKNOWN) > 0;
        List<Row> rows = new ArrayList<>();
        for (Group g : stats.groups()) {
            if (g.count() > 0 || !hasUnknown) {
                rows.add(new Row(g.key(), g.count()));
            }
        }
        Comparator<Row> byCode = (a, b) -> GroupOrder.compareCodes(dimension, a.code(), b.code());
        rows.sort(order == Order.BY_COUNT
                ? Comparator.comparing(Row::unknown).thenComparing(Comparator.comparing(Row::count).reversed())
                        .thenComparing(byCode)
                : byCode);
        boolean known = rows.stream().anyMatch(r -> !r.unknown() && r.count() > 0);
        Availability availability = known ? Availability.DATA
                : !rows.isEmpty() && stats.total() > 0 || !parentKnown ? Availability.NOT_AVAILABLE
                : Availability.EMPTY;
        return new FigureData(id, number(id), Chart.BARS, unit, List.of(dimension.name()), List.copyOf(rows),
                availability, stats.total());
    }

    /** Figure 1: a column per year; a year without records is not available (no total was published). */
    static FigureData yearly(Stats yearly, List<Integer> years) {
        List<Row> rows = new ArrayList<>();
        for (int y : years) {
            int count = yearly.count(Integer.toString(y));
            rows.add(new Row(List.of(new GroupKey(PersonDimension.ASSESSMENT_YEAR.name(), Integer.toString(y))),
                    count > 0 ? count : null));
        }
        return new FigureData("01", "1", Chart.COLUMNS, Unit.PERSONS,
                List.of(PersonDimension.ASSESSMENT_YEAR.name()), List.copyOf(rows), Availability.DATA,
                yearly.total());
    }

    /**
     * Figure 2: per year, the persons each authority assessed, from the first year whose records say who assessed
     * them (a chart of five "not available" years and one known says less than the known one alone; the page says
     * from when the split is recorded). A later year whose records do not say is not available for every authority;
     * a "not available" series appears only beside known numbers of the same year.
     */
    static FigureData byAuthority(Stats byYearAndAuthority, List<Integer> years) {
        List<String> series = new ArrayList<>(AssessedBy.values().length);
        for (AssessedBy a : AssessedBy.values()) {
            series.add(a.name());
        }
        boolean partlyUnknown = years.stream().anyMatch(y -> known(byYearAndAuthority, y)
                && byYearAndAuthority.group(Integer.toString(y), Codebook.UNKNOWN).isPresent());
        if (partlyUnknown) {
            series.add(Codebook.UNKNOWN);
        }
        List<Row> rows = new ArrayList<>();
        boolean any = false;
        int first = years.stream().filter(y -> known(byYearAndAuthority, y)).findFirst().orElse(years.get(0));
        for (int y : years) {
            if (y < first) {
                continue;
            }
            String year = Integer.toString(y);
            boolean known = known(byYearAndAuthority, y);
            any |= known;
            for (String s : series) {
                Integer count = known ? byYearAndAuthority.group(year, s).map(Group::count).orElse(0) : null;
                rows.add(new Row(List.of(new GroupKey(PersonDimension.ASSESSMENT_YEAR.name(), year),
                        new GroupKey(PersonDimension.ASSESSED_BY.name(), s)), count));
            }
        }
        return new FigureData("02", "2", Chart.GROUPED_COLUMNS, Unit.PERSONS,
                List.of(PersonDimension.ASSESSMENT_YEAR.name(), PersonDimension.ASSESSED_BY.name()),
                List.copyOf(rows), any ? Availability.DATA : Availability.NOT_AVAILABLE, byYearAndAuthority.total());
    }

    private static boolean known(Stats byYearAndAuthority, int year) {
        String y = Integer.toString(year);
        return byYearAndAuthority.groups().stream()
                .anyMatch(g -> g.key().get(0).code().equals(y) && !g.key().get(1).code().equals(Codebook.UNKNOWN));
    }

    /**
     * Figure 8: categories in the order of their own figure, series in code order; only series and categories that
     * occur. Cells are counts (zero where a known category has none of a known series).
     */
    static FigureData grouped(String id, PersonDimension category, PersonDimension series, Stats cross,
            Stats byCategory, Stats bySeries) {
        List<String> categories = bars("", category, byCategory, Order.BY_COUNT, true, Unit.PERSONS).rows()
                .stream().filter(r -> r.count() > 0).map(Row::code).toList();
        List<String> seriesCodes = bars("", series, bySeries, Order.BY_CODE, true, Unit.PERSONS).rows()
                .stream().filter(r -> r.count() > 0).map(Row::code).toList();
        List<Row> rows = new ArrayList<>();
        boolean known = false;
        for (String c : categories) {
            for (String s : seriesCodes) {
                int count = cross.group(c, s).map(Group::count).orElse(0);
                known |= count > 0 && !c.equals(Codebook.UNKNOWN) && !s.equals(Codebook.UNKNOWN);
                rows.add(new Row(List.of(new GroupKey(category.name(), c), new GroupKey(series.name(), s)), count));
            }
        }
        return new FigureData(id, number(id), Chart.GROUPED, Unit.PERSONS, List.of(category.name(), series.name()),
                List.copyOf(rows), known ? Availability.DATA : Availability.NOT_AVAILABLE, cross.total());
    }

    static String number(String id) {
        return id.replaceFirst("^0", "").replace('-', '.');
    }
}
