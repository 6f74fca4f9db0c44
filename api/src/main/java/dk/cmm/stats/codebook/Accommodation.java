package dk.cmm.stats.codebook;

/** Where the person stayed while in support. Labels live in codebook/labels_*.properties. */
public enum Accommodation {
    CRISIS_CENTRE, HOTEL, PRIVATE, ASYLUM_CENTRE, OTHER
}
