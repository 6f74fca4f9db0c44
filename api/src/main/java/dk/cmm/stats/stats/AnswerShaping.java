package dk.cmm.stats.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one shaping of an answer, over either source of numbers: the live codes (staff, {@link LiveAnswers}) or a
 * release's cells (the public, {@code disclosure.PublicStatistics}). The source says which groups may be listed and
 * what each one's number is ({@link Figure}: a count, exact or noisy, or none with its reason); the shaping decides
 * the rest in one place: an exact 0 is listed only with {@code includeEmpty} (an estimate of 0 always, or it would
 * read as an exact 0), shares of the total, the one order of groups ({@link GroupOrder}), and a question whose every
 * year holds no records has no total (NO_DATA, never 0).
 */
public final class AnswerShaping {

    private AnswerShaping() {
    }

    /**
     * A number as its source gives it: a count, exact or an estimate with its 90 % half-width, or no count and why
     * ({@link AnswerGroup#WITHHELD}, {@link AnswerGroup#NO_DATA}, {@link AnswerGroup#NOT_PUBLISHED}).
     */
    public record Figure(Integer count, boolean noisy, Integer margin, String reason) {

        public static Figure exact(long count) {
            return new Figure(Math.toIntExact(count), false, null, null);
        }

        public static Figure noisy(long count, Integer margin) {
            return new Figure(Math.toIntExact(count), true, margin, null);
        }

        public static Figure none(String reason) {
            return new Figure(null, false, null, reason);
        }

        /** An exact 0: a group that is listed only when empty groups are asked for. */
        boolean exactZero() {
            return count != null && count == 0 && !noisy;
        }
    }

    /**
     * The groups of an answer: one per key the source offers (in any order), but an exact 0 only with
     * {@code includeEmpty}; each with its share of the total where both have a count; in the given order.
     */
    public static List<AnswerGroup> groups(Figure total, Collection<List<GroupKey>> keys,
            Function<List<GroupKey>, Figure> figures, boolean includeEmpty, List<? extends Dimension> groupBy,
            Order order) {
        List<AnswerGroup> groups = new ArrayList<>();
        for (List<GroupKey> key : keys) {
            Figure figure = figures.apply(key);
            if (figure.exactZero() && !includeEmpty) {
                continue;
            }
            Double share = figure.count() != null && total.count() != null ? share(figure.count(), total.count())
                    : null;
            groups.add(new AnswerGroup(key, figure.count(), share, AnswerGroup.WITHHELD.equals(figure.reason()),
                    figure.reason(), figure.noisy(), figure.margin()));
        }
        groups.sort(order(groupBy, order));
        return List.copyOf(groups);
    }

    /**
     * The answer of a total and its shaped groups; where {@code noRecords} (no year asked for holds records,
     * {@link #noRecords}) it has no total and no summaries (NO_DATA, never 0).
     */
    public static StatsAnswer answer(Figure total, List<AnswerGroup> groups, NumericSummary age,
            NumericSummary stayDays, boolean noRecords) {
        if (noRecords) {
            return new StatsAnswer(null, groups, null, null, false, null, AnswerGroup.NO_DATA);
        }
        return new StatsAnswer(total.count(), groups, age, stayDays, total.noisy(), total.margin(),
                total.count() == null ? total.reason() : null);
    }

    /** A count's share of the total: 0 of a total of 0. */
    public static double share(long count, long total) {
        return total == 0 ? 0 : (double) count / total;
    }

    /** The order of groups: by key, or by count (largest first, a group without a count last). */
    public static Comparator<AnswerGroup> order(List<? extends Dimension> groupBy, Order order) {
        return order == Order.KEY ? Comparator.comparing(AnswerGroup::key, GroupOrder.byKey(groupBy))
                : GroupOrder.byCount(AnswerGroup::count, AnswerGroup::key);
    }

    /** The years a filter names, where it names them all: those listed within the range, or a closed range. */
    public static Set<Integer> askedYears(List<Integer> listed, Integer from, Integer to) {
        Set<Integer> asked = new TreeSet<>();
        if (listed != null) {
            listed.stream().filter(y -> (from == null || y >= from) && (to == null || y <= to)).forEach(asked::add);
        } else if (from != null && to != null) {
            for (int y = from; y <= to; y++) {
                asked.add(y);
            }
        }
        return asked;
    }

    /** Whether a question names its years and none of them holds records. */
    public static boolean noRecords(Set<Integer> askedYears, Predicate<Integer> holdsRecords) {
        return !askedYears.isEmpty() && askedYears.stream().noneMatch(holdsRecords);
    }

    /**
     * A staff answer: the exact breakdown, nothing withheld and nothing noisy; with one groupBy dimension the years
     * asked for without records as groups with no count (NO_DATA).
     */
    public static StatsAnswer exact(Stats stats, List<? extends Dimension> groupBy, Order order, boolean noRecords) {
        Map<List<GroupKey>, Figure> figures = new LinkedHashMap<>();
        stats.groups().forEach(g -> figures.put(g.key(), Figure.exact(g.count())));
        if (groupBy.size() == 1) {
            stats.noData().forEach(none -> figures.put(List.of(none.key()), Figure.none(AnswerGroup.NO_DATA)));
        }
        Figure total = Figure.exact(stats.total());
        return answer(total, groups(total, figures.keySet(), figures::get, true, groupBy, order), stats.age(),
                stats.stayDays(), noRecords);
    }
}
