package dk.cmm.stats.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The anonymous rate limit's buckets: a burst, a steady refill, and bounded memory. */
class TokenBucketsTests {

    static final long SECOND = 1_000_000_000L;

    @Test
    void shouldAllowTheBurstThenRefuseUntilTheRateRefills() {
        AtomicLong now = new AtomicLong();
        TokenBuckets buckets = new TokenBuckets(60, 3, 100, now::get);
        assertThat(buckets.tryTake("a")).isTrue();
        assertThat(buckets.tryTake("a")).isTrue();
        assertThat(buckets.tryTake("a")).isTrue();
        assertThat(buckets.tryTake("a")).isFalse();
        assertThat(buckets.retryAfterSeconds("a")).isEqualTo(1);
        now.addAndGet(SECOND);
        assertThat(buckets.tryTake("a")).as("one a second at 60 a minute").isTrue();
        assertThat(buckets.tryTake("a")).isFalse();
        now.addAndGet(3600 * SECOND);
        assertThat(buckets.tryTake("a")).isTrue();
        assertThat(buckets.tryTake("a")).isTrue();
        assertThat(buckets.tryTake("a")).isTrue();
        assertThat(buckets.tryTake("a")).as("never more than the burst").isFalse();
    }

    @Test
    void shouldKeepEachClientsBucketApart() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 100, () -> 0);
        assertThat(buckets.tryTake("a")).isTrue();
        assertThat(buckets.tryTake("a")).isFalse();
        assertThat(buckets.tryTake("b")).isTrue();
    }

    @Test
    void shouldForgetTheLeastRecentlySeenClientsBeyondTheLimit() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 50, () -> 0);
        for (int i = 0; i < 10_000; i++) {
            buckets.tryTake("10.0." + i / 256 + "." + i % 256);
        }
        assertThat(buckets.size()).isEqualTo(50);
    }
}
