package dk.cmm.stats.codebook;

/** A referral made during an outreach contact. Labels live in codebook/labels_*.properties. */
public enum Referral {
    ABORTION, HEALTH_CARE, SOCIAL_SERVICES, OTHER
}
