package dk.cmm.stats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Sums of counts, exact and noisy, against figures worked out by hand. */
class CountSumTests {

    @Test
    void shouldAddExactCountsExactlyWithNoMargin() {
        Release.Count sum = new CountSum().add(12).add(30).add(-2).count();
        assertThat(sum.value()).isEqualTo(40);
        assertThat(sum.noisy()).isFalse();
        assertThat(sum.margin()).isNull();
    }

    @Test
    void shouldBeZeroExactWhenNothingIsAdded() {
        assertThat(new CountSum().count()).isEqualTo(new Release.Count(0, false, null));
    }

    @Test
    void shouldAddMarginsAsTheRootOfTheSumOfTheirSquares() {
        // 3² + 4² = 25: margin 5 exactly
        assertThat(new CountSum().addNoisy(7, 3).addNoisy(9, 4).add(10).count())
                .isEqualTo(new Release.Count(26, true, 5));
    }

    @Test
    void shouldRoundTheMarginUp() {
        // √(4 + 4) = 2.83 → 3; √(4 + 4 + 4) = 3.46 → 4
        assertThat(new CountSum().addNoisy(1, 2).addNoisy(1, 2).count().margin()).isEqualTo(3);
        assertThat(new CountSum().addNoisy(1, 2).addNoisy(1, 2).addNoisy(1, 2).count().margin()).isEqualTo(4);
    }

    @Test
    void shouldAddASubtractedNoisyCountsMarginAsWell() {
        // a margin minus a noisy cell: 20 − 6 = 14, and the noise of the cell stays, √(5²) = 5
        assertThat(new CountSum().add(20).addNoisy(-6, 5).count()).isEqualTo(new Release.Count(14, true, 5));
    }

    @Test
    void shouldTakeACountAsItIs() {
        CountSum sum = new CountSum().add(new Release.Count(8, false, null)).add(new Release.Count(5, true, 6))
                .add(new Release.Count(2, true, 8));
        // 6² + 8² = 100 → 10
        assertThat(sum.count()).isEqualTo(new Release.Count(15, true, 10));
    }
}
