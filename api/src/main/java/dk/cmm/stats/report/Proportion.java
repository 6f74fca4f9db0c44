package dk.cmm.stats.report;

/**
 * A share said in words, as the report says it: "half", "just under half", "more than a third", "a fifth". The
 * fraction and qualifier are chosen from the actual share, so every year gets true words; the words themselves are
 * in the message bundles ({@code proportion.*}).
 */
record Proportion(Qualifier qualifier, Fraction fraction) {

    /** The fractions a reader knows by name, with the value each stands for. */
    enum Fraction {
        NONE(0), TENTH(0.1), FIFTH(0.2), QUARTER(0.25), THIRD(1 / 3.0), HALF(0.5), TWO_THIRDS(2 / 3.0),
        // four fifths and nine tenths: without them 85 % was "more than three quarters", true but far below it
        THREE_QUARTERS(0.75), FOUR_FIFTHS(0.8), NINE_TENTHS(0.9), ALL(1);

        final double value;

        Fraction(double value) {
            this.value = value;
        }
    }

    /** PLAIN: the fraction itself ("a quarter" for 24 %); the others bound it from one side. */
    enum Qualifier { PLAIN, JUST_UNDER, MORE_THAN, LESS_THAN }

    /** A share this close to a named fraction is called by that name: 24.2 % is "a quarter", 19.7 % "a fifth". */
    static final double PLAIN_TOLERANCE = 0.0125;

    /** "Just under" is used up to 5 points (and 10 % of the fraction) below it: 47 % is "just under half". */
    static final double JUST_UNDER_DISTANCE = 0.05;

    static Proportion of(int part, int whole) {
        if (whole <= 0 || part < 0 || part > whole) {
            throw new IllegalArgumentException("no proportion of " + part + " out of " + whole);
        }
        if (part == 0) {
            return new Proportion(Qualifier.PLAIN, Fraction.NONE);
        }
        if (part == whole) {
            return new Proportion(Qualifier.PLAIN, Fraction.ALL);
        }
        double share = (double) part / whole;
        Fraction below = Fraction.NONE;
        Fraction above = Fraction.ALL;
        for (Fraction f : Fraction.values()) {
            if (f != Fraction.NONE && f != Fraction.ALL
                    && Math.abs(share - f.value) <= Math.min(PLAIN_TOLERANCE, 0.05 * f.value)) {
                return new Proportion(Qualifier.PLAIN, f);
            }
            if (f.value < share) {
                below = f;
            } else if (above == Fraction.ALL && f.value > share) {
                above = f;
            }
        }
        if (above.value - share <= Math.min(JUST_UNDER_DISTANCE, 0.1 * above.value)) {
            return new Proportion(Qualifier.JUST_UNDER, above);
        }
        if (below == Fraction.NONE) {
            return new Proportion(Qualifier.LESS_THAN, Fraction.TENTH);
        }
        return new Proportion(Qualifier.MORE_THAN, below);
    }

    /** The bundle key of an exact phrasing, e.g. {@code proportion.JUST_UNDER.ALL} ("almost all"). */
    String specialKey() {
        return "proportion." + qualifier + "." + fraction;
    }
}
