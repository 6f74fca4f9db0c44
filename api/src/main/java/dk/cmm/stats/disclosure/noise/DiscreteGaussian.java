package dk.cmm.stats.disclosure.noise;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;

/**
 * Exact sampling from the discrete Gaussian N_Z(0, σ²), P(x) ∝ exp(−x²/(2σ²)) over the integers, by the algorithm of
 * Canonne, Kamath and Steinke ("The Discrete Gaussian for Differential Privacy", 2020, Algorithms 1–3). Every step is
 * integer or rational arithmetic on uniform draws: no floating point, whose rounding makes the tails of a naive
 * sampler depart from the distribution the privacy proof assumes (Mironov 2012).
 *
 * <p>σ² is taken as the exact rational number of its decimal text (σ = 2 gives σ² = 4).
 */
public final class DiscreteGaussian {

    private final BigInteger sigmaSqNum;
    private final BigInteger sigmaSqDen;
    /** The discrete Laplace scale of the proposal: floor(σ) + 1. */
    private final BigInteger t;
    private final Random random;

    /**
     * @param sigma  the standard deviation parameter σ (positive)
     * @param random the source of uniform bits: a {@link java.security.SecureRandom} in production
     */
    public DiscreteGaussian(BigDecimal sigma, Random random) {
        if (sigma.signum() <= 0) {
            throw new IllegalArgumentException("σ must be positive, got " + sigma);
        }
        BigDecimal square = sigma.multiply(sigma);
        int scale = Math.max(square.scale(), 0);
        this.sigmaSqNum = square.movePointRight(scale).toBigIntegerExact();
        this.sigmaSqDen = BigInteger.TEN.pow(scale);
        this.t = sigma.toBigInteger().add(BigInteger.ONE);
        this.random = random;
    }

    /** One draw. */
    public long sample() {
        while (true) {
            BigInteger y = discreteLaplace();
            // accept with probability exp(−(|Y| − σ²/t)² / (2σ²)) = exp(−(|Y|·q·t − p)² / (2·p·q·t²)), σ² = p/q
            BigInteger diff = y.abs().multiply(sigmaSqDen).multiply(t).subtract(sigmaSqNum);
            BigInteger num = diff.multiply(diff);
            BigInteger den = BigInteger.TWO.multiply(sigmaSqNum).multiply(sigmaSqDen).multiply(t).multiply(t);
            if (bernoulliExp(num, den)) {
                return y.longValueExact();
            }
        }
    }

    /** Discrete Laplace with scale t: P(x) ∝ exp(−|x|/t) (Algorithm 2, s = 1). */
    private BigInteger discreteLaplace() {
        while (true) {
            BigInteger u = uniformBelow(t);
            if (!bernoulliExp(u, t)) {
                continue;
            }
            BigInteger v = BigInteger.ZERO;
            while (bernoulliExp(BigInteger.ONE, BigInteger.ONE)) {
                v = v.add(BigInteger.ONE);
            }
            BigInteger x = u.add(t.multiply(v));
            boolean negative = random.nextBoolean();
            if (negative && x.signum() == 0) {
                continue;
            }
            return negative ? x.negate() : x;
        }
    }

    /** True with probability exp(−num/den), num/den ≥ 0 (Algorithm 1). */
    boolean bernoulliExp(BigInteger num, BigInteger den) {
        BigInteger[] whole = num.divideAndRemainder(den);
        for (BigInteger k = BigInteger.ZERO; k.compareTo(whole[0]) < 0; k = k.add(BigInteger.ONE)) {
            if (!bernoulliExpAtMostOne(BigInteger.ONE, BigInteger.ONE)) {
                return false;
            }
        }
        return bernoulliExpAtMostOne(whole[1], den);
    }

    /** True with probability exp(−γ) for γ = num/den in [0, 1]. */
    private boolean bernoulliExpAtMostOne(BigInteger num, BigInteger den) {
        BigInteger k = BigInteger.ONE;
        while (true) {
            // A ~ Bernoulli(γ / k)
            if (uniformBelow(den.multiply(k)).compareTo(num) < 0) {
                k = k.add(BigInteger.ONE);
            } else {
                return k.testBit(0); // k odd
            }
        }
    }

    /** A uniform integer in [0, bound). */
    private BigInteger uniformBelow(BigInteger bound) {
        if (bound.bitLength() < 31) {
            return BigInteger.valueOf(random.nextInt(bound.intValueExact()));
        }
        while (true) {
            BigInteger candidate = new BigInteger(bound.bitLength(), random);
            if (candidate.compareTo(bound) < 0) {
                return candidate;
            }
        }
    }

    /** The exact probability mass at x, for tests and for the stated margins: exp(−x²/2σ²) / Σ_y exp(−y²/2σ²). */
    public static double pmf(double sigma, long x) {
        return Math.exp(-(double) x * x / (2 * sigma * sigma)) / normaliser(sigma);
    }

    static double normaliser(double sigma) {
        double sum = 0;
        long reach = (long) Math.ceil(sigma * 40) + 10;
        for (long y = -reach; y <= reach; y++) {
            sum += Math.exp(-(double) y * y / (2 * sigma * sigma));
        }
        return sum;
    }

    /**
     * The 90 % half-width of the discrete Gaussian with variance parameter {@code sigma² · cells} (the noise of a sum
     * of that many independent draws, approximated by one discrete Gaussian): the least m with P(|X| ≤ m) ≥ 0.9.
     */
    public static int margin90(double sigma, double cells) {
        double s = sigma * Math.sqrt(Math.max(cells, 1));
        double z = normaliser(s);
        double mass = 1 / z;
        int m = 0;
        while (mass < 0.9) {
            m++;
            mass += 2 * Math.exp(-(double) m * m / (2 * s * s)) / z;
        }
        return m;
    }
}
