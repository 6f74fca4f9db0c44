package dk.cmm.stats.stats;

import java.util.List;

/**
 * A breakdown as a caller sees it, exact or protected, in one shape (the one answer type of GraphQL, CSV and
 * JSON-stat, for staff and public): {@code total} and a group's count are null
 * where withheld, and flagged noisy where the noisy layer estimates them. Staff get the exact numbers with nothing
 * withheld and nothing noisy.
 *
 * @param totalNoisy  true where the total is an estimate
 * @param totalMargin the total's 90 % half-width where it is an estimate
 * @param totalReason why the total is null: {@code WITHHELD}, {@code NO_DATA} (no year asked for holds records) or
 *                    {@code NOT_PUBLISHED}; null where there is a total
 */
public record StatsAnswer(Integer total, List<AnswerGroup> groups, NumericSummary age, NumericSummary stayDays,
        boolean totalNoisy, Integer totalMargin, String totalReason) {

    /** How the numbers of an answer were made. */
    public enum Estimate {
        /** Every number is exact. */
        EXACT,
        /** Every number given is an estimate of the noisy layer. */
        NOISY,
        /** Some numbers are exact, some estimates. */
        MIXED
    }

    public StatsAnswer(Integer total, List<AnswerGroup> groups, NumericSummary age, NumericSummary stayDays) {
        this(total, groups, age, stayDays, false, null, total == null ? AnswerGroup.WITHHELD : null);
    }

    /** EXACT, NOISY or MIXED, over the total and the groups that have a count. */
    public Estimate estimate() {
        boolean anyNoisy = total != null && totalNoisy;
        boolean anyExact = total != null && !totalNoisy;
        for (AnswerGroup group : groups) {
            if (group.count() != null) {
                anyNoisy |= group.noisy();
                anyExact |= !group.noisy();
            }
        }
        return anyNoisy ? (anyExact ? Estimate.MIXED : Estimate.NOISY) : Estimate.EXACT;
    }
}
