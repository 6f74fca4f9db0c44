package dk.cmm.stats.stats;

import java.util.Set;

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
}
