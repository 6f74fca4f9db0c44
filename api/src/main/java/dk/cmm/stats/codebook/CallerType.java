package dk.cmm.stats.codebook;

/** Who called the hotline. Labels live in codebook/labels_*.properties. */
public enum CallerType {
    POLICE, MUNICIPALITY, NGO, OTHER_AUTHORITY, PRIVATE_PERSON, POSSIBLE_VICTIM, OTHER
}
