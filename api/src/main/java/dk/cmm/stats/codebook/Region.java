package dk.cmm.stats.codebook;

/** The centre's world regions, derived from nationality (the Middle East counted apart from Asia). Labels live in codebook/labels_*.properties. */
public enum Region {
    AFRICA, EUROPE, ASIA, MIDDLE_EAST, LATIN_AMERICA, NORTH_AMERICA, OCEANIA
}
