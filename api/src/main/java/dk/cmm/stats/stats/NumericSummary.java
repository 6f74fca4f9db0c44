package dk.cmm.stats.stats;

/** Count, min, max, mean and median of a number over the records that have it (all null but count when none). */
public record NumericSummary(int count, Double min, Double max, Double mean, Double median) {

    public static final NumericSummary EMPTY = new NumericSummary(0, null, null, null, null);
}
