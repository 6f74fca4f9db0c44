package dk.cmm.stats.codebook;

/** What a hotline call was about. Labels live in codebook/labels_*.properties. */
public enum CallReason {
    PERSON_IN_CUSTODY, UPCOMING_OPERATION, CASE_FOLLOW_UP, OTHER
}
