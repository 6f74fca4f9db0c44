package dk.cmm.stats.codebook;

/** Sector of forced labour (only for exploitation FORCED_LABOUR). Labels live in codebook/labels_*.properties. */
public enum LabourSector {
    CLEANING, DOMESTIC_WORK, RESTAURANT, CONSTRUCTION, MASSAGE_CLINIC, CANNABIS_PRODUCTION, AGRICULTURE, OTHER
}
