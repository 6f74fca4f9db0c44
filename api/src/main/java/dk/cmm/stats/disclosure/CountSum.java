package dk.cmm.stats.disclosure;

/**
 * The one home of summing counts: exact counts add up exactly; a sum with any noisy count in it is noisy, and its
 * margin is the root of the sum of the noisy counts' squared margins, rounded up (independent noise adds in
 * variance, and the margins are of one confidence level). Used for a signed sum of a release's cells
 * ({@link Release}) and for a sum over years ({@link ReleaseCells}).
 */
final class CountSum {

    private long value;
    private double squares;
    private boolean noisy;

    /** Adds an exact count (negative to subtract). */
    CountSum add(long count) {
        value += count;
        return this;
    }

    /** Adds a noisy count (negative to subtract) with its margin; the margin adds in square whatever the sign. */
    CountSum addNoisy(long count, int margin) {
        value += count;
        squares += (double) margin * margin;
        noisy = true;
        return this;
    }

    /** Adds a count as it is, exact or noisy. */
    CountSum add(Release.Count count) {
        return count.noisy() ? addNoisy(count.value(), count.margin()) : add(count.value());
    }

    /** The sum so far: exact, or noisy with the margin of its noisy parts. */
    Release.Count count() {
        return new Release.Count(value, noisy, noisy ? (int) Math.ceil(Math.sqrt(squares)) : null);
    }
}
