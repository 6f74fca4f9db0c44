package dk.cmm.stats.codebook;

/** Gender as recorded at assessment. Labels live in codebook/labels_*.properties. */
public enum Gender {
    FEMALE, MALE, OTHER
}
