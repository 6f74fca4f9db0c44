package dk.cmm.stats.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import dk.cmm.stats.stats.OutreachRow;
import dk.cmm.stats.stats.Dimension;
import dk.cmm.stats.stats.AnswerGroup;
import dk.cmm.stats.stats.GroupOrder;
import dk.cmm.stats.stats.Order;
import dk.cmm.stats.stats.GroupKey;
import dk.cmm.stats.stats.HotlineDimension;
import dk.cmm.stats.stats.HotlineFilter;
import dk.cmm.stats.stats.OutreachDimension;
import dk.cmm.stats.stats.OutreachFilter;
import dk.cmm.stats.stats.PersonDimension;
import dk.cmm.stats.stats.PersonFilter;
import dk.cmm.stats.stats.QueryRules;
import dk.cmm.stats.stats.Stats;
import dk.cmm.stats.stats.StatsAnswer;
import dk.cmm.stats.stats.StatsService;

/**
 * The one boundary every statistic passes on its way to a caller, GraphQL and CSV alike. Staff get the exact,
 * live answer of {@link StatsService}. A caller without a token gets an answer from the published releases only:
 * the question is checked against the limits before anything is computed, then every number is summed from the
 * published cells of the years it covers, or withheld where they do not determine it.
 */
@Service
public class PublicStatistics {

    /** Who is asking: staff with a token see exact numbers; the public sees releases. */
    public enum Audience {
        STAFF, PUBLIC
    }

    private final StatsService stats;
    private final Releases releases;
    private final PublicLimits limits;
    private final OutreachProtection outreach;
    private final QueryRules rules;

    public PublicStatistics(StatsService stats, Releases releases, PublicLimits limits, OutreachProtection outreach,
            QueryRules rules) {
        this.stats = stats;
        this.rules = rules;
        this.releases = releases;
        this.limits = limits;
        this.outreach = outreach;
    }

    public StatsAnswer personStats(Audience audience, PersonFilter filter, List<PersonDimension> groupBy,
            boolean includeEmpty) {
        return personStats(audience, filter, groupBy, includeEmpty, Order.COUNT);
    }

    public StatsAnswer personStats(Audience audience, PersonFilter filter, List<PersonDimension> groupBy,
            boolean includeEmpty, Order order) {
        PersonFilter f = filter == null ? PersonFilter.ALL : filter;
        if (audience == Audience.STAFF) {
            Stats exact = stats.personStats(f, groupBy, includeEmpty, order);
            return withoutRecords(StatsAnswer.exact(exact, groupBy, order), exact,
                    asked(f.assessmentYears(), f.yearFrom(), f.yearTo()), stats.assessmentYears());
        }
        rules.validatePersons(f, groupBy);
        limits.checkPersons(f, groupBy);
        Question question = new Question(ReleaseBuilder.PERSONS, PersonDimension.ASSESSMENT_YEAR.name(),
                QuestionFields.persons(f), f.yearFrom(), f.yearTo(), groupBy.stream().map(Enum::name).toList(),
                includeEmpty, Set.copyOf(stats.assessmentYears()));
        return answer(question, true, groupBy, order);
    }

    public StatsAnswer hotlineStats(Audience audience, HotlineFilter filter, List<HotlineDimension> groupBy,
            boolean includeEmpty) {
        return hotlineStats(audience, filter, groupBy, includeEmpty, Order.COUNT);
    }

    public StatsAnswer hotlineStats(Audience audience, HotlineFilter filter, List<HotlineDimension> groupBy,
            boolean includeEmpty, Order order) {
        HotlineFilter f = filter == null ? HotlineFilter.ALL : filter;
        if (audience == Audience.STAFF) {
            Stats exact = stats.hotlineStats(f, groupBy, includeEmpty, order);
            return withoutRecords(StatsAnswer.exact(exact, groupBy, order), exact,
                    asked(f.years(), f.yearFrom(), f.yearTo()), stats.hotlineYears());
        }
        rules.validateHotline(f, groupBy);
        limits.checkHotline(f, groupBy);
        Question question = new Question(ReleaseBuilder.HOTLINE, HotlineDimension.YEAR.name(),
                QuestionFields.hotline(f), f.yearFrom(), f.yearTo(), groupBy.stream().map(Enum::name).toList(),
                includeEmpty, Set.copyOf(stats.hotlineYears()));
        return answer(question, false, groupBy, order);
    }

    public List<OutreachRow> outreachStats(Audience audience, OutreachFilter filter,
            List<OutreachDimension> groupBy) {
        OutreachFilter f = filter == null ? OutreachFilter.ALL : filter;
        if (audience == Audience.STAFF) {
            return stats.outreachStats(f, groupBy);
        }
        rules.validateOutreach(f, groupBy);
        outreach.check(f, groupBy);
        Map<String, List<OutreachRow>> published = releases.outreach(f.years().get(0));
        if (published == null && releases.latest(ReleaseBuilder.PERSONS).containsKey(f.years().get(0))) {
            return List.of(); // a published year without outreach activities
        }
        if (published == null) {
            throw new DisclosureLimitException("filter.years", "The outreach numbers of " + f.years().get(0)
                    + " are not published; callers without a token get published years only.");
        }
        // the year of a one-year question is its only YEAR group: the rows of the grouping without it, keyed by it
        int year = f.years().get(0);
        int yearAt = groupBy.indexOf(OutreachDimension.YEAR);
        List<OutreachDimension> others = groupBy.stream().filter(d -> d != OutreachDimension.YEAR).toList();
        List<OutreachRow> rows = published.getOrDefault(OutreachProtection.key(others), List.of());
        if (yearAt < 0) {
            return rows;
        }
        return rows.stream().map(row -> {
            List<GroupKey> key = new ArrayList<>(row.key());
            key.add(yearAt, new GroupKey(OutreachDimension.YEAR.name(), String.valueOf(year)));
            return row.withKey(List.copyOf(key));
        }).toList();
    }

    /** The years a filter names, where it names them all (a list, or a closed range); empty otherwise. */
    private static Set<Integer> asked(List<Integer> years, Integer from, Integer to) {
        Set<Integer> asked = new java.util.TreeSet<>();
        if (years != null) {
            years.stream().filter(y -> (from == null || y >= from) && (to == null || y <= to)).forEach(asked::add);
        } else if (from != null && to != null) {
            for (int y = from; y <= to; y++) {
                asked.add(y);
            }
        }
        return asked;
    }

    /** Where no year asked for holds records, the exact answer has no total either (NO_DATA, never 0). */
    private static StatsAnswer withoutRecords(StatsAnswer answer, Stats stats, Set<Integer> asked,
            List<Integer> recorded) {
        return stats.total() == 0 && !asked.isEmpty() && recorded.stream().noneMatch(asked::contains)
                ? answer.withoutRecords() : answer;
    }

    /**
     * A question in the terms of releases: the filter as dimension → codes, and groupBy by name; {@code recorded}
     * the years that hold records (a year without is NO_DATA, and counts 0 in a sum over years).
     */
    private record Question(String subject, String yearDimension, Map<String, Set<String>> filter, Integer yearFrom,
            Integer yearTo, List<String> groupBy, boolean includeEmpty, Set<Integer> recorded) {

        boolean inRange(int year) {
            return (yearFrom == null || year >= yearFrom) && (yearTo == null || year <= yearTo);
        }
    }

    private StatsAnswer answer(Question q, boolean summaries, List<? extends Dimension> groupBy, Order order) {
        Map<Integer, Release> published = releases.latest(q.subject());
        Set<String> yearFilter = q.filter().get(q.yearDimension());
        List<Integer> years = new ArrayList<>();
        List<Integer> unpublished = new ArrayList<>();
        if (yearFilter == null) {
            published.keySet().stream().filter(q::inRange).forEach(years::add);
            if (q.yearFrom() != null && q.yearTo() != null) {
                for (int year = q.yearFrom(); year <= q.yearTo(); year++) {
                    if (!published.containsKey(year)) {
                        unpublished.add(year);
                    }
                }
            }
        } else {
            for (int year : yearFilter.stream().map(Integer::valueOf).sorted().toList()) {
                if (q.inRange(year)) {
                    (published.containsKey(year) ? years : unpublished).add(year);
                }
            }
        }
        Map<String, Set<String>> others = new LinkedHashMap<>(q.filter());
        others.remove(q.yearDimension());
        // a year without records adds nothing to a sum over years; an unpublished year with records hides it
        List<Integer> withheldYears = unpublished.stream().filter(q.recorded()::contains).toList();
        Optional<Release.Count> total = withheldYears.isEmpty() ? sum(published, years, others) : Optional.empty();

        List<AnswerGroup> groups = new ArrayList<>();
        for (List<GroupKey> key : keys(q, published, years, unpublished)) {
            Map<String, Set<String>> cell = new LinkedHashMap<>(others);
            List<Integer> cellYears = years;
            String reason = null;
            for (GroupKey part : key) {
                if (part.dimension().equals(q.yearDimension())) {
                    int year = Integer.parseInt(part.code());
                    cellYears = published.containsKey(year) ? List.of(year) : List.of();
                    if (!published.containsKey(year)) {
                        reason = q.recorded().contains(year) ? AnswerGroup.NOT_PUBLISHED : AnswerGroup.NO_DATA;
                    }
                } else {
                    cell.merge(part.dimension(), Set.of(part.code()), PublicStatistics::intersect);
                }
            }
            Optional<Release.Count> count = reason != null ? Optional.empty() : sum(published, cellYears, cell);
            if (reason == null && count.isEmpty()) {
                reason = AnswerGroup.WITHHELD;
            }
            // an exact 0 is left out unless asked for; an estimate of 0 is listed, or it would read as an exact 0
            if (count.isPresent() && count.get().value() == 0 && !count.get().noisy() && !q.includeEmpty()) {
                continue;
            }
            Double share = count.isPresent() && total.isPresent()
                    ? (total.get().value() == 0 ? 0.0 : (double) count.get().value() / total.get().value()) : null;
            groups.add(new AnswerGroup(key, count.map(c -> (int) c.value()).orElse(null), share,
                    AnswerGroup.WITHHELD.equals(reason), reason, count.map(Release.Count::noisy).orElse(false),
                    count.map(Release.Count::margin).orElse(null)));
        }
        if (order == Order.KEY) {
            groups.sort(Comparator.comparing(AnswerGroup::key, GroupOrder.byKey(groupBy)));
        } else {
            groups.sort(GroupOrder.byCount(AnswerGroup::count, AnswerGroup::key));
        }
        boolean plain = others.isEmpty() && q.groupBy().isEmpty() && years.size() == 1 && unpublished.isEmpty();
        Release only = plain ? published.get(years.get(0)) : null;
        StatsAnswer answer = new StatsAnswer(total.map(c -> (int) c.value()).orElse(null), List.copyOf(groups),
                summaries && only != null ? only.age() : null, summaries && only != null ? only.stayDays() : null,
                total.map(Release.Count::noisy).orElse(false), total.map(Release.Count::margin).orElse(null),
                total.isPresent() ? null : withheldYears.isEmpty() ? AnswerGroup.WITHHELD : AnswerGroup.NOT_PUBLISHED);
        // no year asked for holds records: no total (NO_DATA, never 0)
        return years.isEmpty() && withheldYears.isEmpty() && !unpublished.isEmpty() ? answer.withoutRecords() : answer;
    }

    /** The group keys: every node of each groupBy dimension (the years in scope for the year dimension). */
    private List<List<GroupKey>> keys(Question q, Map<Integer, Release> published, List<Integer> years,
            List<Integer> unpublished) {
        if (q.groupBy().isEmpty()) {
            return List.of();
        }
        return GroupKey.crossProduct(q.groupBy(), dimension -> {
            Set<String> codes = new LinkedHashSet<>();
            if (dimension.equals(q.yearDimension())) {
                Set<Integer> all = new java.util.TreeSet<>(years);
                all.addAll(unpublished);
                all.forEach(y -> codes.add(String.valueOf(y)));
            } else {
                // the union over the years: a country published one by one in one year may be "other" in another;
                // only codes the filter allows, so that includeEmpty adds no zero the filter excluded
                years.forEach(y -> codes.addAll(allowedCodes(published.get(y), dimension, q.filter())));
            }
            return codes;
        });
    }

    /** The codes a dimension shows in a release: its axis's groups, or its leaves' codes. */
    static List<String> codesOf(Release release, String dimension) {
        Located located = locate(release, dimension);
        Axis axis = release.axes().get(located.axis());
        Set<String> codes = new LinkedHashSet<>();
        for (String node : located.group() ? axis.groups() : axis.leaves()) {
            codes.add(Axis.codeOf(node));
        }
        return List.copyOf(codes);
    }

    private record Located(int axis, boolean group) {
    }

    /**
     * The codes a dimension shows in a release that the filter allows: those of the leaves that every filter on
     * the same axis keeps (a region filter keeps its countries; a country filter keeps its region).
     */
    static List<String> allowedCodes(Release release, String dimension, Map<String, Set<String>> filter) {
        Set<String> named = filter.get(dimension);
        if (named != null) {
            // the filter's own codes: one the release counts in a larger group (a country under "other") is
            // listed too, and answered as withheld
            Set<String> codes = new LinkedHashSet<>(codesOf(release, dimension));
            codes.retainAll(named);
            named.stream().sorted().forEach(codes::add);
            return List.copyOf(codes);
        }
        Located located = locate(release, dimension);
        Axis axis = release.axes().get(located.axis());
        Set<String> codes = new LinkedHashSet<>();
        if (located.group()) {
            codes.addAll(axis.groups().stream().map(Axis::codeOf).toList());
        }
        List<String> kept = new ArrayList<>();
        for (String leaf : axis.leaves()) {
            boolean allowed = true;
            for (Map.Entry<String, Set<String>> entry : filter.entrySet()) {
                int other = release.axisIndex(entry.getKey());
                String leaves = QuestionFields.leafDimensionOf(entry.getKey());
                boolean groupFilter = other < 0 && leaves != null && release.axisIndex(leaves) == located.axis();
                if (other == located.axis() && located.group()) {
                    allowed &= entry.getValue().contains(Axis.codeOf(leaf));
                } else if (groupFilter && !located.group()) {
                    allowed &= entry.getValue().contains(Axis.groupOf(leaf));
                }
            }
            if (allowed) {
                kept.add(leaf);
            }
        }
        if (located.group()) {
            Set<String> groups = new java.util.HashSet<>();
            kept.forEach(leaf -> groups.add(Axis.groupOf(leaf)));
            codes.retainAll(groups);
            return List.copyOf(codes);
        }
        kept.forEach(leaf -> codes.add(Axis.codeOf(leaf)));
        return List.copyOf(codes);
    }

    /** The axis of a dimension in a release: the axis named after it, or the one whose groups it names. */
    static Located locate(Release release, String dimension) {
        int axis = release.axisIndex(dimension);
        if (axis >= 0) {
            return new Located(axis, false);
        }
        String leaves = QuestionFields.leafDimensionOf(dimension);
        axis = leaves == null ? -1 : release.axisIndex(leaves);
        if (axis < 0) {
            throw new IllegalArgumentException(dimension + " has no axis in the " + release.subject() + " release");
        }
        return new Located(axis, true);
    }

    /**
     * The sum over the years of the records matching the selection, if every year's release determines it: exact,
     * or noisy where any year's count is (with the margin of the sum, the root of the sum of the squares).
     */
    private static Optional<Release.Count> sum(Map<Integer, Release> published, List<Integer> years,
            Map<String, Set<String>> selection) {
        long sum = 0;
        double squares = 0;
        boolean noisy = false;
        for (int year : years) {
            Release release = published.get(year);
            Map<Integer, Set<Integer>> leaves = leaves(release, selection);
            Optional<Release.Count> count = leaves == null ? Optional.empty() : release.estimate(leaves);
            if (count.isEmpty()) {
                return Optional.empty();
            }
            sum += count.get().value();
            if (count.get().noisy()) {
                noisy = true;
                squares += (double) count.get().margin() * count.get().margin();
            }
        }
        return Optional.of(new Release.Count(sum, noisy, noisy ? (int) Math.ceil(Math.sqrt(squares)) : null));
    }

    /**
     * Per axis, the leaf nodes a selection keeps (dimension → codes; two dimensions of one axis intersect); null
     * where a code is counted in a larger leaf of the release (a country not published one by one), so that its
     * count is withheld, never 0.
     */
    static Map<Integer, Set<Integer>> leaves(Release release, Map<String, Set<String>> selection) {
        Map<Integer, Set<Integer>> byAxis = new HashMap<>();
        for (Map.Entry<String, Set<String>> entry : selection.entrySet()) {
            Located located = locate(release, entry.getKey());
            Set<String> present = new java.util.HashSet<>(codesOf(release, entry.getKey()));
            if (!located.group() && !present.containsAll(entry.getValue())) {
                return null;
            }
        }
        selection.forEach((dimension, codes) -> {
            Located located = locate(release, dimension);
            Axis axis = release.axes().get(located.axis());
            Set<Integer> leaves = new LinkedHashSet<>();
            for (String leaf : axis.leaves()) {
                String code = located.group() ? Axis.groupOf(leaf) : Axis.codeOf(leaf);
                if (codes.contains(code)) {
                    leaves.add(axis.indexOf(leaf));
                }
            }
            byAxis.merge(located.axis(), leaves, PublicStatistics::intersect);
        });
        return byAxis;
    }

    private static <T> Set<T> intersect(Set<T> a, Set<T> b) {
        Set<T> both = new LinkedHashSet<>(a);
        both.retainAll(b);
        return both;
    }
}
