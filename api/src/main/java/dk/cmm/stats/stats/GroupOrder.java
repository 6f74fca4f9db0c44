package dk.cmm.stats.stats;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import dk.cmm.stats.codebook.Codebook;

/**
 * The one order of groups, for every answer (staff and public, GraphQL, CSV, JSON-stat and the report): by count
 * (largest first, a group without a count last, ties by code) or by key (numbers as numbers, coded dimensions in
 * the codebook's order, {@code UNKNOWN} last). Kept in one place so that no two outputs can list the same groups
 * in different orders.
 */
public final class GroupOrder {

    private GroupOrder() {
    }

    /** Keys by their codes, dimension by dimension: numbers (years, months) as numbers, other codes as text. */
    public static final Comparator<List<GroupKey>> CODES = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i).code();
            String y = b.get(i).code();
            int c = isNumber(x) && isNumber(y) ? Long.compare(Long.parseLong(x), Long.parseLong(y)) : x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    /**
     * Largest count first, a group without a count (withheld, no data) after every count, ties by {@link #CODES}:
     * the order docs/api.md and the CSV promise.
     */
    public static <T> Comparator<T> byCount(Function<T, Integer> count, Function<T, List<GroupKey>> key) {
        return Comparator.comparing((T g) -> count.apply(g) == null)
                .thenComparing(g -> count.apply(g) == null ? 0 : -count.apply(g))
                .thenComparing(key, CODES);
    }

    /**
     * Keys dimension by dimension ({@link #compareCodes}): the order of {@code orderBy: KEY} and of JSON-stat's
     * categories.
     */
    public static Comparator<List<GroupKey>> byKey(List<? extends Dimension> groupBy) {
        return (a, b) -> {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                int c = compareCodes(i < groupBy.size() ? groupBy.get(i) : null, a.get(i).code(), b.get(i).code());
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        };
    }

    /**
     * Two codes of a dimension: {@code UNKNOWN} last, numbers as numbers, coded dimensions in the codebook's order,
     * other codes alphabetically.
     */
    public static int compareCodes(Dimension dimension, String a, String b) {
        boolean unknownA = Codebook.UNKNOWN.equals(a);
        boolean unknownB = Codebook.UNKNOWN.equals(b);
        if (unknownA || unknownB) {
            return Boolean.compare(unknownA, unknownB);
        }
        if (isNumber(a) && isNumber(b)) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        if (dimension != null && dimension.codeList() != null) {
            List<String> codes = dimension.codeList().codes();
            int c = Integer.compare(position(codes, a), position(codes, b));
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }

    static boolean isNumber(String code) {
        return !code.isEmpty() && code.chars().allMatch(Character::isDigit);
    }

    private static int position(List<String> codes, String code) {
        int i = codes.indexOf(code);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
