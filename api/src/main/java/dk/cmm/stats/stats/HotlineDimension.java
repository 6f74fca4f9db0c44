package dk.cmm.stats.stats;

import dk.cmm.stats.codebook.CodeList;

/** What hotline calls can be grouped by. */
public enum HotlineDimension implements Dimension {
    YEAR("year", null),
    MONTH("month", null),
    CALLER_TYPE("callerType", CodeList.CALLER_TYPE),
    REASON("reason", CodeList.CALL_REASON);

    private final String field;
    private final CodeList codeList;

    HotlineDimension(String field, CodeList codeList) {
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
