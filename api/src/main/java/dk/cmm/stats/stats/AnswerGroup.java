package dk.cmm.stats.stats;

import java.util.List;

/**
 * One group of a breakdown as a caller sees it.
 *
 * @param count      null where withheld ({@code suppressed}) or where the year has no data or is not published
 * @param share      count / total, null where either is null
 * @param suppressed true where disclosure control withholds the count (callers without a token only)
 * @param reason     why the count is null: {@code WITHHELD}, {@code NO_DATA} or {@code NOT_PUBLISHED}; null where
 *                   there is a count
 * @param noisy      true where the count is an estimate of the noisy layer (callers without a token only)
 * @param margin     the 90 % half-width of a noisy count's noise; null where the count is exact
 */
public record AnswerGroup(List<GroupKey> key, Integer count, Double share, boolean suppressed, String reason,
        boolean noisy, Integer margin) {

    public static final String WITHHELD = "WITHHELD";
    public static final String NO_DATA = "NO_DATA";
    public static final String NOT_PUBLISHED = "NOT_PUBLISHED";

    /** An exact group, or one without a count. */
    public AnswerGroup(List<GroupKey> key, Integer count, Double share, boolean suppressed, String reason) {
        this(key, count, share, suppressed, reason, false, null);
    }
}
