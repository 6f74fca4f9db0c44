package dk.cmm.stats.codebook;

/** Age at identification in the groups the centre reports; minors are under 18. */
public enum AgeGroup {
    UNDER_18(0, 17), AGE_18_24(18, 24), AGE_25_29(25, 29), AGE_30_39(30, 39), AGE_40_49(40, 49), AGE_50_PLUS(50, Integer.MAX_VALUE);

    private final int minAge;
    private final int maxAge;

    AgeGroup(int minAge, int maxAge) {
        this.minAge = minAge;
        this.maxAge = maxAge;
    }

    public static AgeGroup of(int age) {
        for (AgeGroup group : values()) {
            if (age >= group.minAge && age <= group.maxAge) {
                return group;
            }
        }
        throw new IllegalArgumentException("negative age " + age);
    }

    public boolean contains(int age) {
        return age >= minAge && age <= maxAge;
    }
}
