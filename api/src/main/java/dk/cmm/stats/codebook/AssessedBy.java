package dk.cmm.stats.codebook;

/** Who officially assessed the person as a victim. Labels live in codebook/labels_*.properties. */
public enum AssessedBy {
    IMMIGRATION_SERVICE, CMM
}
