package dk.cmm.stats.disclosure.noise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/**
 * The sampler against the discrete Gaussian's exact probabilities, computed here from the definition
 * P(x) ∝ exp(−x²/2σ²) (not from the sampler's class): a χ² goodness-of-fit test at a fixed seed, and the same test
 * refusing a sampler of the wrong σ, so that it has the power to fail.
 */
class DiscreteGaussianTests {

    private static final int DRAWS = 200_000;

    @Test
    void drawsFollowTheExactProbabilitiesForWholeAndFractionalSigma() {
        for (String sigma : new String[] { "2", "0.7", "3.25" }) {
            long[] counts = histogram(new DiscreteGaussian(new BigDecimal(sigma), new Random(22)), DRAWS);
            double s = Double.parseDouble(sigma);
            double p = chiSquaredPValue(counts, s);
            assertThat(p).as("χ² p-value for σ = %s", sigma).isGreaterThan(0.001);
        }
    }

    @Test
    void theTestRefusesASamplerOfAnotherSigma() {
        long[] counts = histogram(new DiscreteGaussian(new BigDecimal("2.3"), new Random(22)), DRAWS);
        assertThat(chiSquaredPValue(counts, 2.0)).isLessThan(1e-6);
    }

    @Test
    void meanIsZeroAndVarianceIsCloseToSigmaSquared() {
        DiscreteGaussian sampler = new DiscreteGaussian(new BigDecimal("2"), new Random(7));
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < DRAWS; i++) {
            long x = sampler.sample();
            sum += x;
            squares += (double) x * x;
        }
        double mean = sum / DRAWS;
        // for σ ≥ 1 the discrete Gaussian's variance is within 1e-3 of σ² (Canonne, Kamath and Steinke, Fact 19)
        assertThat(mean).isBetween(-0.03, 0.03);
        assertThat(squares / DRAWS - mean * mean).isBetween(3.93, 4.07);
    }

    @Test
    void ninetyPercentMarginCoversNinetyPercent() {
        int margin = DiscreteGaussian.margin90(2.0, 1);
        DiscreteGaussian sampler = new DiscreteGaussian(new BigDecimal("2"), new Random(3));
        int inside = 0;
        for (int i = 0; i < DRAWS; i++) {
            inside += Math.abs(sampler.sample()) <= margin ? 1 : 0;
        }
        assertThat(margin).isEqualTo(3);
        assertThat((double) inside / DRAWS).isBetween(0.9, 0.95);
    }

    private static long[] histogram(DiscreteGaussian sampler, int draws) {
        long[] counts = new long[201];
        for (int i = 0; i < draws; i++) {
            counts[(int) Math.max(-100, Math.min(100, sampler.sample())) + 100]++;
        }
        return counts;
    }

    /** χ² over the values |x| < T one by one and |x| ≥ T as one bin, T the largest with at least 10 expected there. */
    private static double chiSquaredPValue(long[] counts, double sigma) {
        double z = 0;
        for (int x = -100; x <= 100; x++) {
            z += Math.exp(-(double) x * x / (2 * sigma * sigma));
        }
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        double[] expected = new double[201];
        for (int x = -100; x <= 100; x++) {
            expected[x + 100] = n * Math.exp(-(double) x * x / (2 * sigma * sigma)) / z;
        }
        int t = 100;
        double tailExpected = 0;
        while (t > 1 && tailExpected < 10) {
            tailExpected = 0;
            t--;
            for (int x = -100; x <= 100; x++) {
                tailExpected += Math.abs(x) >= t ? expected[x + 100] : 0;
            }
        }
        double chi = 0;
        int bins = 1;
        long tailObserved = 0;
        for (int x = -100; x <= 100; x++) {
            if (Math.abs(x) >= t) {
                tailObserved += counts[x + 100];
            } else {
                double e = expected[x + 100];
                chi += (counts[x + 100] - e) * (counts[x + 100] - e) / e;
                bins++;
            }
        }
        chi += (tailObserved - tailExpected) * (tailObserved - tailExpected) / tailExpected;
        return 1 - new ChiSquaredDistribution(bins - 1).cumulativeProbability(chi);
    }
}
