package dk.cmm.stats.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import dk.cmm.stats.stats.AnswerGroup;
import dk.cmm.stats.stats.AnswerShaping;
import dk.cmm.stats.stats.AnswerShaping.Figure;
import dk.cmm.stats.stats.Dimension;
import dk.cmm.stats.stats.GroupKey;
import dk.cmm.stats.stats.HotlineDimension;
import dk.cmm.stats.stats.HotlineFilter;
import dk.cmm.stats.stats.Order;
import dk.cmm.stats.stats.OutreachDimension;
import dk.cmm.stats.stats.OutreachFilter;
import dk.cmm.stats.stats.OutreachRow;
import dk.cmm.stats.stats.PersonDimension;
import dk.cmm.stats.stats.PersonFilter;
import dk.cmm.stats.stats.QueryRules;
import dk.cmm.stats.stats.Stats;
import dk.cmm.stats.stats.StatsAnswer;
import dk.cmm.stats.stats.StatsService;

/**
 * The one boundary every statistic passes on its way to a caller, GraphQL and CSV alike. Staff get the exact,
 * live answer of {@link StatsService}. A caller without a token gets an answer from the published releases only:
 * the question is checked against the limits ({@link PublicLimits}) before anything is computed, then every number
 * is read from the release's cells ({@link ReleaseCells}: exact, noisy or withheld) of the years it covers, and the
 * answer is shaped as the staff's is ({@link AnswerShaping}).
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
            // someone counted means some year asked for holds records: only an empty answer needs the years' list
            // (a scan of the collection whenever the data changed)
            return AnswerShaping.exact(exact, groupBy, order, exact.total() == 0 && AnswerShaping.noRecords(
                    AnswerShaping.askedYears(f.assessmentYears(), f.yearFrom(), f.yearTo()),
                    year -> stats.assessmentYears().contains(year)));
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
            return AnswerShaping.exact(exact, groupBy, order, exact.total() == 0 && AnswerShaping.noRecords(
                    AnswerShaping.askedYears(f.years(), f.yearFrom(), f.yearTo()),
                    year -> stats.hotlineYears().contains(year)));
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

    /**
     * The answer from the release's cells: the years asked for that are published are summed; one with records
     * that is not published hides the sum (NOT_PUBLISHED), one without adds nothing (NO_DATA); the rest is
     * {@link AnswerShaping}'s.
     */
    private StatsAnswer answer(Question q, boolean summaries, List<? extends Dimension> groupBy, Order order) {
        ReleaseCells cells = new ReleaseCells(releases.latest(q.subject()));
        Set<String> yearFilter = q.filter().get(q.yearDimension());
        Set<Integer> asked = AnswerShaping.askedYears(
                yearFilter == null ? null : yearFilter.stream().map(Integer::valueOf).toList(), q.yearFrom(),
                q.yearTo());
        List<Integer> years = yearFilter == null && asked.isEmpty()
                ? cells.years().stream().filter(q::inRange).toList()
                : asked.stream().filter(cells::isPublished).toList();
        List<Integer> unpublished = asked.stream().filter(y -> !cells.isPublished(y)).toList();
        Map<String, Set<String>> others = new LinkedHashMap<>(q.filter());
        others.remove(q.yearDimension());
        // a year without records adds nothing to a sum over years; an unpublished year with records hides it
        boolean withheldYear = unpublished.stream().anyMatch(q.recorded()::contains);
        Figure total = withheldYear ? Figure.none(AnswerGroup.NOT_PUBLISHED) : figure(cells.count(years, others));
        Function<List<GroupKey>, Figure> figures = key -> {
            Map<String, Set<String>> cell = new LinkedHashMap<>(others);
            List<Integer> cellYears = years;
            for (GroupKey part : key) {
                if (!part.dimension().equals(q.yearDimension())) {
                    cell.merge(part.dimension(), Set.of(part.code()), ReleaseCells::intersect);
                } else if (cells.isPublished(Integer.parseInt(part.code()))) {
                    cellYears = List.of(Integer.parseInt(part.code()));
                } else {
                    return Figure.none(q.recorded().contains(Integer.parseInt(part.code()))
                            ? AnswerGroup.NOT_PUBLISHED : AnswerGroup.NO_DATA);
                }
            }
            return figure(cells.count(cellYears, cell));
        };
        List<AnswerGroup> groups = AnswerShaping.groups(total, keys(q, cells, years, unpublished), figures,
                q.includeEmpty(), groupBy, order);
        boolean plain = others.isEmpty() && q.groupBy().isEmpty() && years.size() == 1 && unpublished.isEmpty();
        Release only = summaries && plain ? cells.release(years.get(0)) : null;
        return AnswerShaping.answer(total, groups, only == null ? null : only.age(),
                only == null ? null : only.stayDays(),
                AnswerShaping.noRecords(asked, y -> cells.isPublished(y) || q.recorded().contains(y)));
    }

    /** A count of the release's cells as a figure of the answer: exact, noisy, or withheld. */
    private static Figure figure(Optional<Release.Count> count) {
        return count.map(c -> c.noisy() ? Figure.noisy(c.value(), c.margin()) : Figure.exact(c.value()))
                .orElse(Figure.none(AnswerGroup.WITHHELD));
    }

    /** The group keys: the codes of each groupBy dimension (the years in scope for the year dimension). */
    private static List<List<GroupKey>> keys(Question q, ReleaseCells cells, List<Integer> years,
            List<Integer> unpublished) {
        if (q.groupBy().isEmpty()) {
            return List.of();
        }
        return GroupKey.crossProduct(q.groupBy(), dimension -> {
            if (!dimension.equals(q.yearDimension())) {
                return cells.codes(years, dimension, q.filter());
            }
            Set<Integer> all = new TreeSet<>(years);
            all.addAll(unpublished);
            return all.stream().map(String::valueOf).toList();
        });
    }
}
