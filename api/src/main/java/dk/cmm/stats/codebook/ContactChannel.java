package dk.cmm.stats.codebook;

/** How the centre first met the person. Labels live in codebook/labels_*.properties. */
public enum ContactChannel {
    POLICE, OUTREACH, PARTNER
}
