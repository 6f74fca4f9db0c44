package dk.cmm.stats.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import dk.cmm.stats.codebook.AgeGroup;
import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.codebook.Exploitation;

/**
 * The shaping of a staff answer over the live codes: group counts (from a pipeline or from {@link PersonRows})
 * become a {@link Stats} with its total and shares; {@code includeEmpty} adds the codes the filter allows
 * ({@link DimensionCodes}, the codes the records hold, and what the filter implies through the codebook); the years
 * asked for without records become {@link NoData}; the groups come in {@link GroupOrder}'s order.
 */
@Component
class LiveAnswers {

    /** The oldest age an age range is walked to when it has no upper bound (the validator's limit is lower). */
    private static final int MAX_AGE = 130;

    /** The most years an open-ended year range asks for (a guard against a typing error such as 99999). */
    private static final int MAX_YEARS_ASKED = 500;

    private final Codebook codebook;
    private final DimensionCodes dimensionCodes;

    LiveAnswers(Codebook codebook, DimensionCodes dimensionCodes) {
        this.codebook = codebook;
        this.dimensionCodes = dimensionCodes;
    }

    /** A person answer from a batch's tally; {@code yearRecorded} says which years hold records. */
    Stats personStats(PersonRows.Tally tally, PersonQuery q, Predicate<String> yearRecorded) {
        return toStats(tally.groups(), q.groupBy(), q.includeEmpty(), allowedCodes(FilterField.PERSON, q.filter()),
                askedYears(FilterField.PERSON, q.filter(), PersonDimension.ASSESSMENT_YEAR, q.groupBy()),
                yearRecorded,
                Summaries.summary(tally.frequencies().get("ageAtIdentification")),
                Summaries.summary(tally.frequencies().get("stayDays")));
    }

    /** A person answer from a breakdown read from MongoDB ({@link Breakdowns}). */
    Stats personStats(Breakdowns.Breakdown read, PersonQuery q) {
        return toStats(read.groups(), q.groupBy(), q.includeEmpty(), allowedCodes(FilterField.PERSON, q.filter()),
                askedYears(FilterField.PERSON, q.filter(), PersonDimension.ASSESSMENT_YEAR, q.groupBy()),
                recordedIn(PersonDimension.ASSESSMENT_YEAR),
                read.summary("ageAtIdentification"), read.summary("stayDays"));
    }

    /** A hotline answer from a breakdown read from MongoDB ({@link Breakdowns}). */
    Stats hotlineStats(Breakdowns.Breakdown read, HotlineFilter f, List<HotlineDimension> dims, boolean includeEmpty) {
        return toStats(read.groups(), dims, includeEmpty,
                allowedCodes(FilterField.HOTLINE, f), askedYears(FilterField.HOTLINE, f, HotlineDimension.YEAR, dims),
                recordedIn(HotlineDimension.YEAR),
                null, null);
    }

    /** The years a year dimension's records hold: the codes breakdowns by year use too, from the same cache. */
    List<Integer> yearsOf(Dimension yearDimension) {
        return dimensionCodes.codes(yearDimension).stream().map(Integer::valueOf).toList();
    }

    /**
     * The answer from the group counts: the total is their sum; {@code includeEmpty} adds, with count 0, the codes
     * the filter allows that have no group (never a code the filter excludes); the years asked for that no record
     * holds ({@code recorded} says which do) come back as {@link NoData}, never as 0. Shaped by
     * {@link AnswerShaping}, as the public answers are.
     */
    Stats toStats(Map<List<GroupKey>, Integer> groupCounts, List<? extends Dimension> groupBy, boolean includeEmpty,
            Map<Dimension, Predicate<String>> allowed, List<GroupKey> askedYears, Predicate<String> recorded,
            NumericSummary age, NumericSummary stayDays) {
        int total = 0;
        for (int count : groupCounts.values()) {
            total += count;
        }
        List<NoData> noData = new ArrayList<>();
        for (GroupKey year : askedYears) {
            if (!recorded.test(year.code())) {
                noData.add(new NoData(year, NoData.Reason.NO_RECORDS_FOR_YEAR));
            }
        }
        List<Group> groups = new ArrayList<>();
        if (!groupBy.isEmpty()) {
            Set<List<GroupKey>> keys = new LinkedHashSet<>(groupCounts.keySet());
            if (includeEmpty) {
                crossProduct(groupBy).stream().filter(key -> allows(allowed, groupBy, key)).forEach(keys::add);
            }
            AnswerShaping.groups(AnswerShaping.Figure.exact(total), keys,
                    key -> AnswerShaping.Figure.exact(groupCounts.getOrDefault(key, 0)), includeEmpty, groupBy,
                    Order.COUNT).forEach(g -> groups.add(new Group(g.key(), g.count(), g.share())));
        }
        return new Stats(total, groups, age, stayDays, noData);
    }

    /** Whether a year has any record of a year dimension: its codes, read (a scan) only when first asked. */
    Predicate<String> recordedIn(Dimension yearDimension) {
        return year -> dimensionCodes.codes(yearDimension).contains(year);
    }

    /** Every combination of the dimensions' live codes, as group keys. */
    private List<List<GroupKey>> crossProduct(List<? extends Dimension> dimensions) {
        Map<String, Dimension> byName = new HashMap<>();
        dimensions.forEach(d -> byName.put(d.name(), d));
        return GroupKey.crossProduct(dimensions.stream().map(Dimension::name).toList(),
                name -> dimensionCodes.codes(byName.get(name)));
    }

    private static boolean allows(Map<Dimension, Predicate<String>> allowed, List<? extends Dimension> groupBy,
            List<GroupKey> key) {
        for (int i = 0; i < groupBy.size(); i++) {
            Predicate<String> test = allowed.get(groupBy.get(i));
            if (test != null && !test.test(key.get(i).code())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Per dimension, which of its codes a filter allows (a dimension without an entry allows all): the listed
     * values and the bounds of the filter fields on that dimension ({@link FilterField}); and for persons what the
     * filter implies through the codebook: the countries of the listed regions, the age groups that meet the age
     * range, and no labour sector unless forced labour is allowed.
     */
    <F> Map<Dimension, Predicate<String>> allowedCodes(List<FilterField<F>> table, F filter) {
        Map<Dimension, Predicate<String>> allowed = new HashMap<>();
        for (FilterField<F> field : table) {
            if (field.dimension() == null || !field.isSet(filter)) {
                continue;
            }
            Predicate<String> test = switch (field.match()) {
                case ANY_OF -> {
                    Set<String> codes = new HashSet<>();
                    field.values(filter).forEach(v -> codes.add(Summaries.code(v)));
                    yield codes::contains;
                }
                case AT_LEAST -> code -> GroupOrder.isNumber(code) && Long.parseLong(code) >= field.bound(filter);
                case AT_MOST -> code -> GroupOrder.isNumber(code) && Long.parseLong(code) <= field.bound(filter);
            };
            allowed.merge(field.dimension(), test, Predicate::and);
        }
        if (filter instanceof PersonFilter f) {
            if (f.region() != null && !f.region().isEmpty()) {
                allowed.merge(PersonDimension.NATIONALITY, code -> codebook.country(code)
                        .map(c -> f.region().contains(c.region())).orElse(false), Predicate::and);
            }
            if (f.ageMin() != null || f.ageMax() != null) {
                Set<String> groups = new HashSet<>();
                int from = f.ageMin() == null ? 0 : f.ageMin();
                int to = Math.min(f.ageMax() == null ? MAX_AGE : f.ageMax(), MAX_AGE);
                for (int age = from; age <= to; age++) {
                    groups.add(AgeGroup.of(age).name());
                }
                allowed.merge(PersonDimension.AGE_GROUP, groups::contains, Predicate::and);
            }
            if (f.exploitation() != null && !f.exploitation().isEmpty()
                    && !f.exploitation().contains(Exploitation.FORCED_LABOUR)) {
                allowed.merge(PersonDimension.LABOUR_SECTOR, code -> false, Predicate::and);
            }
        }
        return allowed;
    }

    /**
     * The years a filter asks for, when the breakdown groups by the year dimension: those it lists, and those of
     * its range (an open end runs to the first or last year that has records); empty when it names none.
     */
    <F> List<GroupKey> askedYears(List<FilterField<F>> table, F filter, Dimension yearDimension,
            List<? extends Dimension> groupBy) {
        if (!groupBy.contains(yearDimension)) {
            return List.of();
        }
        TreeSet<Integer> listed = null;
        Integer from = null;
        Integer to = null;
        for (FilterField<F> field : table) {
            if (field.dimension() != yearDimension || !field.isSet(filter)) {
                continue;
            }
            switch (field.match()) {
                case ANY_OF -> {
                    listed = new TreeSet<>();
                    for (Object v : field.values(filter)) {
                        listed.add(((Number) v).intValue());
                    }
                }
                case AT_LEAST -> from = field.bound(filter);
                case AT_MOST -> to = field.bound(filter);
            }
        }
        if (listed == null && from == null && to == null) {
            return List.of();
        }
        if (listed == null) {
            List<Integer> recorded = dimensionCodes.codes(yearDimension).stream().map(Integer::valueOf).toList();
            if (recorded.isEmpty()) {
                return List.of();
            }
            int first = from != null ? from : recorded.get(0);
            int last = to != null ? to : recorded.get(recorded.size() - 1);
            listed = new TreeSet<>();
            for (int year = first; year <= last && year - first <= MAX_YEARS_ASKED; year++) {
                listed.add(year);
            }
        }
        List<GroupKey> years = new ArrayList<>();
        for (int year : listed) {
            if ((from == null || year >= from) && (to == null || year <= to)) {
                years.add(new GroupKey(yearDimension.name(), Integer.toString(year)));
            }
        }
        return years;
    }

    /** The answer with its groups in the given order (COUNT: as computed). */
    Stats ordered(Stats stats, List<? extends Dimension> groupBy, Order order) {
        if (order == null || order == Order.COUNT) {
            return stats;
        }
        List<Group> groups = new ArrayList<>(stats.groups());
        groups.sort(Comparator.comparing(Group::key, GroupOrder.byKey(groupBy == null ? List.of() : groupBy)));
        return new Stats(stats.total(), groups, stats.age(), stats.stayDays(), stats.noData());
    }
}
