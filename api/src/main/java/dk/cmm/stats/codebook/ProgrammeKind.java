package dk.cmm.stats.codebook;

/** The kind of an outreach programme. Labels live in codebook/labels_*.properties. */
public enum ProgrammeKind {
    STREET, MASSAGE_CLINICS, MEETING_PLACE, DROP_IN, MOBILE_HEALTH, PRISON, ASYLUM, OTHER
}
