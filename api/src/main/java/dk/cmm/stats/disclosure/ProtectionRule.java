package dk.cmm.stats.disclosure;

import dk.cmm.stats.disclosure.AttackerBounds.Range;

/**
 * When a withheld cell is protected, in the sense of interval protection (τ-ARGUS's protection levels): for a count
 * from 1 to k−1, the attacker's range must still include 0 (nobody can be proven to exist) and reach k (the count
 * cannot be proven small). For a cell that an earlier release of the same year published and that has since moved
 * by less than k, the range must include the earlier count and reach k beyond it in the direction of the change, so
 * the difference of the two releases proves nothing about the records added or removed.
 */
record ProtectionRule(int k) {

    /** A count the rule protects: from 1 to k−1. */
    boolean isSmall(long count) {
        return count >= 1 && count < k;
    }

    /** A cell published earlier at {@code previous} that now holds {@code count}: a change the rule protects. */
    boolean isSmallChange(long previous, long count) {
        return previous != count && Math.abs(count - previous) < k;
    }

    /**
     * Whether the range protects a small cell as far as the report leaves it open: where the report alone proves
     * that someone has the combination, or that the count is below k, the range need not say otherwise.
     */
    boolean protectsBeyond(Range range, long count, Range reportAlone) {
        if (reportAlone.min() == reportAlone.max()) {
            return true; // the report alone gives the count away
        }
        return isSmall(count) && range.min() < range.max() && range.min() <= Math.max(0, reportAlone.min())
                && range.max() >= Math.min(k, reportAlone.max());
    }

    /** Whether the range protects a cell of this count (previous: the earlier release's count, or null). */
    boolean protects(Range range, long count, Long previous) {
        if (range.min() == range.max()) {
            return false;
        }
        boolean small = !isSmall(count) || (range.min() <= 0 && range.max() >= k);
        if (previous == null || !isSmallChange(previous, count)) {
            return small;
        }
        boolean change = count > previous
                ? range.min() <= previous && range.max() >= previous + k
                : range.min() <= Math.max(0, previous - k) && range.max() >= previous;
        return small && change;
    }
}
