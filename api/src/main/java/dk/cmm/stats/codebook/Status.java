package dk.cmm.stats.codebook;

/** The person's situation at the report's cut-off. Labels live in codebook/labels_*.properties. */
public enum Status {
    PREPARED_RETURN_IOM, ASSISTED_RETURN_CMM, STAYED_EU_CITIZEN, DECLINED_OR_LEFT, IN_SUPPORT, ASYLUM_PROCESS, OTHER_OR_UNKNOWN
}
