package dk.cmm.stats.stats;

import dk.cmm.stats.codebook.CodeList;

/**
 * What outreach activities can be grouped by. The year, the month and the programme are the activity's own fields;
 * the programme's kind and city are fields of the programme record ({@link #ofProgrammeRecord()}), read through the
 * activity's programme code as the record has them now. An activity keeps no copy of them, so after an
 * {@code upsertProgramme} its activities follow the programme's new kind and city, as the persons met through it do.
 */
public enum OutreachDimension implements Dimension {
    YEAR("year", null),
    MONTH("month", null),
    PROGRAMME("programme", null),
    PROGRAMME_KIND("kind", CodeList.PROGRAMME_KIND),
    CITY("city", null);

    private final String field;
    private final CodeList codeList;

    OutreachDimension(String field, CodeList codeList) {
        this.field = field;
        this.codeList = codeList;
    }

    /** The activity's field, or for a dimension {@link #ofProgrammeRecord()} the programme record's. */
    @Override
    public String field() {
        return field;
    }

    @Override
    public CodeList codeList() {
        return codeList;
    }

    /** Whether the value is a field of the activity's programme record (its kind, its city), not of the activity. */
    boolean ofProgrammeRecord() {
        return this == PROGRAMME_KIND || this == CITY;
    }

    /**
     * Whether a filter on the dimension selects programmes (their codes, kinds or cities, matched on the programme
     * records), and with them the activities of those programmes.
     */
    boolean selectsProgrammes() {
        return this == PROGRAMME || ofProgrammeRecord();
    }

    /** The activity's field that holds the value, or that leads to it: its programme code. */
    String activityField() {
        return ofProgrammeRecord() ? PROGRAMME.field : field;
    }
}
