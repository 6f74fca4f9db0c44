package dk.cmm.stats.stats;

import dk.cmm.stats.codebook.CodeList;

/** What persons can be grouped by: each dimension is one stored field, and (for coded fields) a code list. */
public enum PersonDimension implements Dimension {
    ASSESSMENT_YEAR("assessmentYear", null),
    ASSESSED_BY("assessedBy", CodeList.ASSESSED_BY),
    CONTACT_CHANNEL("contactChannel", CodeList.CONTACT_CHANNEL),
    CONTACT_PROGRAMME("contactProgramme", null),
    NATIONALITY("nationality", null),
    REGION("region", CodeList.REGION),
    GENDER("gender", CodeList.GENDER),
    AGE_GROUP("ageGroup", CodeList.AGE_GROUP),
    EXPLOITATION("exploitation", CodeList.EXPLOITATION),
    LABOUR_SECTOR("labourSector", CodeList.LABOUR_SECTOR),
    STATUS("status", CodeList.STATUS),
    OUTCOME_YEAR("outcomeYear", null),
    ACCOMMODATION("accommodation", CodeList.ACCOMMODATION);

    private final String field;
    private final CodeList codeList;

    PersonDimension(String field, CodeList codeList) {
        this.field = field;
        this.codeList = codeList;
    }

    @Override
    public String field() {
        return field;
    }

    @Override
    public CodeList codeList() {
        return codeList;
    }
}
