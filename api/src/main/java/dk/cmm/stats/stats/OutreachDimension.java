package dk.cmm.stats.stats;

import dk.cmm.stats.codebook.CodeList;

/** What outreach activities can be grouped by. */
public enum OutreachDimension implements Dimension {
    YEAR("year", null),
    MONTH("month", null),
    PROGRAMME("programme", null),
    PROGRAMME_KIND("programmeKind", CodeList.PROGRAMME_KIND),
    CITY("city", null);

    private final String field;
    private final CodeList codeList;

    OutreachDimension(String field, CodeList codeList) {
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
