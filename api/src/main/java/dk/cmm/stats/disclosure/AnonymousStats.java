package dk.cmm.stats.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dk.cmm.stats.stats.Group;
import dk.cmm.stats.stats.GroupKey;
import dk.cmm.stats.stats.HotlineDimension;
import dk.cmm.stats.stats.HotlineFilter;
import dk.cmm.stats.stats.NumericSummary;
import dk.cmm.stats.stats.PersonDimension;
import dk.cmm.stats.stats.PersonFilter;
import dk.cmm.stats.stats.Stats;

/**
 * Turns an exact breakdown into what an anonymous caller may see. Every number is read from the protected table of
 * the question's dimensions (filter and groupBy together), never from the exact answer, so the same cell has the
 * same status in every question that touches it; a number that needs a withheld cell is withheld.
 */
@Component
public class AnonymousStats {

    private final ProtectedTables tables;
    private final DisclosureProperties properties;

    public AnonymousStats(ProtectedTables tables, DisclosureProperties properties) {
        this.tables = tables;
        this.properties = properties;
    }

    /** Refuses a person question that disclosure control does not answer for anonymous callers. */
    public void checkPersons(PersonFilter filter, List<PersonDimension> groupBy) {
        PersonFilter f = filter == null ? PersonFilter.ALL : filter;
        if (f.ageMin() != null || f.ageMax() != null) {
            throw new DisclosureLimitException("filter.ageMin", "Filtering by exact age needs an API token: "
                    + "exact ages single people out. Group by AGE_GROUP instead.");
        }
        check(groupBy.stream().map(Enum::name).toList(), personFilter(f), TableSource.PERSONS);
    }

    public void checkHotline(HotlineFilter filter, List<HotlineDimension> groupBy) {
        HotlineFilter f = filter == null ? HotlineFilter.ALL : filter;
        check(groupBy.stream().map(Enum::name).toList(), hotlineFilter(f), TableSource.HOTLINE);
    }

    private void check(List<String> groupBy, Map<String, Set<String>> filter, TableSource source) {
        String year = source.yearAxis();
        boolean byYear = groupBy.contains(year);
        Set<String> years = filter.get(year);
        Set<String> filterAxes = axesOf(source, filter.keySet());
        filterAxes.remove(year);
        boolean others = !filterAxes.isEmpty() || groupBy.stream().anyMatch(d -> !d.equals(year));
        if (!byYear && ((years == null && others) || (years != null && years.size() > 1))) {
            throw new DisclosureLimitException("filter", "Without an API token, a breakdown is of one year: name "
                    + "one year in the filter (" + (source == TableSource.PERSONS ? "assessmentYears" : "years")
                    + "), or group by " + year + ". Totals of all years need neither.");
        }
        if (groupBy.size() > properties.maxGroupBy()) {
            throw new DisclosureLimitException("groupBy", "Without an API token, groupBy takes at most "
                    + properties.maxGroupBy() + " dimensions (got " + groupBy.size() + "): finer tables would "
                    + "mostly be withheld small cells.");
        }
        Set<String> axes = new HashSet<>(filterAxes);
        groupBy.stream().filter(d -> !d.equals(year)).forEach(d -> axes.add(source.axisOf(d).name()));
        if (axes.size() > properties.maxDimensions()) {
            throw new DisclosureLimitException("filter", "Without an API token, a question combines at most "
                    + properties.maxDimensions() + " dimensions across filter and groupBy (got " + axes.size()
                    + ": " + axes.stream().sorted().toList() + "; a dimension and the one it groups, such as "
                    + "NATIONALITY and REGION, count once). An API token lifts this.");
        }
    }

    public ProtectedStats persons(PersonFilter filter, List<PersonDimension> groupBy, Stats exact) {
        PersonFilter f = filter == null ? PersonFilter.ALL : filter;
        checkPersons(f, groupBy);
        return protect(TableSource.PERSONS, personFilter(f), groupBy.stream().map(Enum::name).toList(), exact,
                true);
    }

    public ProtectedStats hotline(HotlineFilter filter, List<HotlineDimension> groupBy, Stats exact) {
        HotlineFilter f = filter == null ? HotlineFilter.ALL : filter;
        checkHotline(f, groupBy);
        return protect(TableSource.HOTLINE, hotlineFilter(f), groupBy.stream().map(Enum::name).toList(), exact,
                false);
    }

    private static Set<String> axesOf(TableSource source, Set<String> dimensions) {
        return dimensions.stream().map(d -> source.axisOf(d).name()).collect(Collectors.toCollection(HashSet::new));
    }

    private ProtectedStats protect(TableSource source, Map<String, Set<String>> filter, List<String> groupBy,
            Stats exact, boolean summaries) {
        String yearAxis = source.yearAxis();
        Map<String, Set<String>> others = new LinkedHashMap<>(filter);
        Set<String> yearFilter = others.remove(yearAxis);
        boolean byYear = groupBy.contains(yearAxis);
        Set<String> axisNames = axesOf(source, others.keySet());
        groupBy.stream().filter(d -> !d.equals(yearAxis)).forEach(d -> axisNames.add(source.axisOf(d).name()));
        ProtectedTable series = tables.years(source);
        List<String> years = series.axes().get(0).leaves().stream()
                .filter(y -> yearFilter == null || yearFilter.contains(y)).toList();

        OptionalLong total = axisNames.isEmpty()
                ? series.answer(java.util.Arrays.asList(yearFilter == null ? null : Set.copyOf(years)))
                : sumOverYears(source, years, axisNames, others, Map.of());
        List<ProtectedGroup> groups = new ArrayList<>();
        for (Group group : exact.groups()) {
            Map<String, Set<String>> cell = new LinkedHashMap<>();
            List<String> groupYears = years;
            for (GroupKey key : group.key()) {
                if (key.dimension().equals(yearAxis)) {
                    groupYears = years.contains(key.code()) ? List.of(key.code()) : List.of();
                } else {
                    cell.merge(key.dimension(), Set.of(key.code()), AnonymousStats::intersect);
                }
            }
            OptionalLong count;
            if (axisNames.isEmpty()) {
                count = groupYears.isEmpty() ? OptionalLong.of(0)
                        : series.answer(java.util.Arrays.asList(Set.copyOf(groupYears)));
            } else {
                count = sumOverYears(source, groupYears, axisNames, others, cell);
            }
            Double share = count.isPresent() && total.isPresent()
                    ? (total.getAsLong() == 0 ? 0.0 : (double) count.getAsLong() / total.getAsLong()) : null;
            groups.add(new ProtectedGroup(group.key(), count.isPresent() ? (int) count.getAsLong() : null, share,
                    count.isEmpty()));
        }
        groups.sort(Comparator.comparing(ProtectedGroup::suppressed)
                .thenComparing(g -> g.count() == null ? 0 : -g.count())
                .thenComparing(g -> g.key().stream().map(GroupKey::code).collect(Collectors.joining("\u0000"))));
        Integer shownTotal = total.isPresent() ? (int) total.getAsLong() : null;
        return new ProtectedStats(shownTotal, List.copyOf(groups),
                summaries ? summary(exact.age(), shownTotal) : null,
                summaries ? summary(exact.stayDays(), shownTotal) : null);
    }

    /**
     * The count of the records matching the filter and the group's codes, summed over the years: published only if
     * it is published in every year's table.
     */
    private OptionalLong sumOverYears(TableSource source, List<String> years, Set<String> axisNames,
            Map<String, Set<String>> filter, Map<String, Set<String>> group) {
        long sum = 0;
        for (String year : years) {
            ProtectedTable table = tables.table(source, year, axisNames);
            Map<String, Set<String>> byAxis = leaves(source, table, filter);
            leaves(source, table, group).forEach((axis, leaves) -> byAxis.merge(axis, leaves,
                    AnonymousStats::intersect));
            OptionalLong count = table.answer(selections(table, byAxis));
            if (count.isEmpty()) {
                return OptionalLong.empty();
            }
            sum += count.getAsLong();
        }
        return OptionalLong.of(sum);
    }

    /** Per axis, the leaves a filter keeps (dimension → codes, several dimensions of one axis intersected). */
    static Map<String, Set<String>> leaves(TableSource source, ProtectedTable table,
            Map<String, Set<String>> filter) {
        Map<String, Set<String>> byAxis = new LinkedHashMap<>();
        filter.forEach((dimension, codes) -> {
            TableSource.AxisSpec spec = source.axisOf(dimension);
            Axis axis = table.axes().get(table.axisNames().indexOf(spec.name()));
            byAxis.merge(spec.name(), spec.leaves(axis, dimension, codes), AnonymousStats::intersect);
        });
        return byAxis;
    }

    /**
     * A summary is shown only where at least k records match, the count is published and every matching record has
     * the value: then no difference of two summaries covers fewer than k values.
     */
    private NumericSummary summary(NumericSummary exact, Integer total) {
        if (exact == null || total == null || total < properties.k() || exact.count() != total) {
            return null;
        }
        return exact;
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }

    private static List<Set<String>> selections(ProtectedTable table, Map<String, Set<String>> byAxis) {
        return table.axisNames().stream().map(byAxis::get).toList();
    }

    /** The filter as dimension → codes, only the dimensions it restricts. */
    static Map<String, Set<String>> personFilter(PersonFilter f) {
        Map<String, Set<String>> s = new LinkedHashMap<>();
        put(s, PersonDimension.ASSESSMENT_YEAR, f.assessmentYears());
        put(s, PersonDimension.ASSESSED_BY, f.assessedBy());
        put(s, PersonDimension.CONTACT_CHANNEL, f.contactChannel());
        put(s, PersonDimension.CONTACT_PROGRAMME, f.contactProgramme());
        put(s, PersonDimension.NATIONALITY, f.nationality());
        put(s, PersonDimension.REGION, f.region());
        put(s, PersonDimension.GENDER, f.gender());
        put(s, PersonDimension.EXPLOITATION, f.exploitation());
        put(s, PersonDimension.LABOUR_SECTOR, f.labourSector());
        put(s, PersonDimension.STATUS, f.status());
        put(s, PersonDimension.OUTCOME_YEAR, f.outcomeYears());
        put(s, PersonDimension.ACCOMMODATION, f.accommodation());
        return s;
    }

    static Map<String, Set<String>> hotlineFilter(HotlineFilter f) {
        Map<String, Set<String>> s = new LinkedHashMap<>();
        put(s, HotlineDimension.YEAR, f.years());
        put(s, HotlineDimension.CALLER_TYPE, f.callerType());
        put(s, HotlineDimension.REASON, f.reason());
        return s;
    }

    private static void put(Map<String, Set<String>> selections, Enum<?> dimension, List<?> values) {
        if (values != null && !values.isEmpty()) {
            selections.put(dimension.name(), values.stream()
                    .map(v -> v instanceof Enum<?> e ? e.name() : ProtectedTables.code(v))
                    .collect(Collectors.toSet()));
        }
    }
}
