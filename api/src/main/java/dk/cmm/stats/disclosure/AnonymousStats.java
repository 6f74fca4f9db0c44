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
        check(groupBy.stream().map(Enum::name).toList(), personSelections(f).keySet().stream()
                .filter(axis -> personSelections(f).get(axis) != null).collect(Collectors.toSet()),
                TableSource.PERSONS);
    }

    public void checkHotline(HotlineFilter filter, List<HotlineDimension> groupBy) {
        HotlineFilter f = filter == null ? HotlineFilter.ALL : filter;
        check(groupBy.stream().map(Enum::name).toList(), hotlineSelections(f).keySet(), TableSource.HOTLINE);
    }

    private void check(List<String> groupBy, Set<String> filterAxes, TableSource source) {
        if (groupBy.size() > properties.maxGroupBy()) {
            throw new DisclosureLimitException("groupBy", "Without an API token, groupBy takes at most "
                    + properties.maxGroupBy() + " dimensions (got " + groupBy.size() + "): finer tables would "
                    + "mostly be withheld small cells.");
        }
        Set<String> axes = new HashSet<>(filterAxes);
        groupBy.forEach(d -> axes.add(source.axisOf(d).name()));
        if (axes.size() > properties.maxDimensions()) {
            throw new DisclosureLimitException("filter", "Without an API token, a question combines at most "
                    + properties.maxDimensions() + " dimensions across filter and groupBy (got " + axes.size()
                    + ": " + axes.stream().sorted().toList() + ").");
        }
    }

    public ProtectedStats persons(PersonFilter filter, List<PersonDimension> groupBy, Stats exact) {
        PersonFilter f = filter == null ? PersonFilter.ALL : filter;
        checkPersons(f, groupBy);
        return protect(TableSource.PERSONS, personSelections(f), groupBy.stream().map(Enum::name).toList(), exact,
                true);
    }

    public ProtectedStats hotline(HotlineFilter filter, List<HotlineDimension> groupBy, Stats exact) {
        HotlineFilter f = filter == null ? HotlineFilter.ALL : filter;
        checkHotline(f, groupBy);
        return protect(TableSource.HOTLINE, hotlineSelections(f), groupBy.stream().map(Enum::name).toList(), exact,
                false);
    }

    private ProtectedStats protect(TableSource source, Map<String, Set<String>> filter, List<String> groupBy,
            Stats exact, boolean summaries) {
        Set<String> axisNames = new HashSet<>(filter.keySet());
        groupBy.forEach(d -> axisNames.add(source.axisOf(d).name()));
        ProtectedTable table = tables.table(source, axisNames);
        OptionalLong total = table.answer(selections(table, filter));
        List<ProtectedGroup> groups = new ArrayList<>();
        for (Group group : exact.groups()) {
            Map<String, Set<String>> cell = new LinkedHashMap<>(filter);
            for (GroupKey key : group.key()) {
                Axis axis = table.axes().get(table.axisNames().indexOf(source.axisOf(key.dimension()).name()));
                Set<String> leaves = leavesOf(axis, key.dimension(), key.code(), source);
                cell.merge(axis.name(), leaves, AnonymousStats::intersect);
            }
            OptionalLong count = table.answer(selections(table, cell));
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

    /** The leaves a group's code stands for: the code itself, or on the nationality axis a country or a region. */
    private static Set<String> leavesOf(Axis axis, String dimension, String code, TableSource source) {
        if (!axis.grouped()) {
            return Set.of(code);
        }
        boolean region = source == TableSource.PERSONS && dimension.equals(PersonDimension.REGION.name());
        return axis.leaves().stream()
                .filter(leaf -> region ? Axis.groupOf(leaf).equals(code) : Axis.codeOf(leaf).equals(code))
                .collect(Collectors.toSet());
    }

    /** Per axis, the leaves the filter keeps; only axes the filter restricts appear. */
    Map<String, Set<String>> personSelections(PersonFilter f) {
        Map<String, Set<String>> s = new LinkedHashMap<>();
        put(s, PersonDimension.ASSESSMENT_YEAR, f.assessmentYears());
        put(s, PersonDimension.ASSESSED_BY, f.assessedBy());
        put(s, PersonDimension.CONTACT_CHANNEL, f.contactChannel());
        put(s, PersonDimension.CONTACT_PROGRAMME, f.contactProgramme());
        put(s, PersonDimension.GENDER, f.gender());
        put(s, PersonDimension.EXPLOITATION, f.exploitation());
        put(s, PersonDimension.LABOUR_SECTOR, f.labourSector());
        put(s, PersonDimension.STATUS, f.status());
        put(s, PersonDimension.OUTCOME_YEAR, f.outcomeYears());
        put(s, PersonDimension.ACCOMMODATION, f.accommodation());
        boolean byNationality = f.nationality() != null && !f.nationality().isEmpty();
        boolean byRegion = f.region() != null && !f.region().isEmpty();
        if (byNationality || byRegion) {
            Axis axis = tables.table(TableSource.PERSONS, List.of(PersonDimension.NATIONALITY.name())).axes().get(0);
            Set<String> nationalities = byNationality ? Set.copyOf(f.nationality()) : null;
            Set<String> regions = byRegion ? f.region().stream().map(Enum::name).collect(Collectors.toSet()) : null;
            s.put(PersonDimension.NATIONALITY.name(), axis.leaves().stream()
                    .filter(leaf -> nationalities == null || nationalities.contains(Axis.codeOf(leaf)))
                    .filter(leaf -> regions == null || regions.contains(Axis.groupOf(leaf)))
                    .collect(Collectors.toSet()));
        }
        return s;
    }

    private static Map<String, Set<String>> hotlineSelections(HotlineFilter f) {
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
