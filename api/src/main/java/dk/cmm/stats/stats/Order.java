package dk.cmm.stats.stats;

/** How the groups of a breakdown are ordered. */
public enum Order {
    /** Largest count first, ties by key: the order of a ranking (the default). */
    COUNT,
    /**
     * By key, dimension by dimension: years and months ascending as numbers, coded dimensions in the codebook's
     * order (age groups youngest first), other codes alphabetically, UNKNOWN last: the order of a series or an axis.
     */
    KEY
}
