package dk.cmm.stats.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import dk.cmm.stats.codebook.Codebook;

/** One value of one dimension in a group's key; {@code UNKNOWN} where the attribute is not recorded. */
public record GroupKey(String dimension, String code) {

    /** The dimensions whose codes are years. */
    static final Set<String> YEAR_DIMENSIONS = Set.of(PersonDimension.ASSESSMENT_YEAR.name(),
            PersonDimension.OUTCOME_YEAR.name(), HotlineDimension.YEAR.name());

    /** The dimensions whose codes are whole numbers: the years and the month (1-12). */
    static final Set<String> NUMERIC_DIMENSIONS = Set.of(PersonDimension.ASSESSMENT_YEAR.name(),
            PersonDimension.OUTCOME_YEAR.name(), HotlineDimension.YEAR.name(), HotlineDimension.MONTH.name());

    /** The year as a number for a year dimension (ASSESSMENT_YEAR, OUTCOME_YEAR, YEAR); null otherwise or UNKNOWN. */
    public Integer year() {
        return YEAR_DIMENSIONS.contains(dimension) ? number() : null;
    }

    /** The code as a number for a year or month dimension; null for other dimensions and for UNKNOWN. */
    public Integer number() {
        if (!NUMERIC_DIMENSIONS.contains(dimension) || Codebook.UNKNOWN.equals(code)) {
            return null;
        }
        try {
            return Integer.valueOf(code);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Every combination of the dimensions' codes, as group keys, the first dimension varying slowest: the groups an
     * answer may have, over the live codes (staff) or a release's codes (the public) alike.
     *
     * @param codes a dimension's codes, by its name
     */
    public static List<List<GroupKey>> crossProduct(List<String> dimensions,
            Function<String, ? extends Collection<String>> codes) {
        List<List<GroupKey>> keys = List.of(List.of());
        for (String dimension : dimensions) {
            List<List<GroupKey>> next = new ArrayList<>();
            Collection<String> values = codes.apply(dimension);
            for (List<GroupKey> prefix : keys) {
                for (String code : values) {
                    List<GroupKey> key = new ArrayList<>(prefix);
                    key.add(new GroupKey(dimension, code));
                    next.add(List.copyOf(key));
                }
            }
            keys = next;
        }
        return keys;
    }
}
