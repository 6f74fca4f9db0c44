package dk.cmm.stats.stats;

import java.util.List;

import dk.cmm.stats.codebook.ProgrammeKind;

/**
 * Which outreach activities to include; null or empty lists mean any. {@code yearFrom}/{@code yearTo} bound the
 * year (inclusive) and combine with {@code years} by AND. How each field matches is in {@link FilterField#OUTREACH}.
 */
public record OutreachFilter(List<Integer> years, List<String> programme, List<ProgrammeKind> programmeKind,
        List<String> city, Integer yearFrom, Integer yearTo) {

    public static final OutreachFilter ALL = new OutreachFilter(null, null, null, null);

    /** The filter without a year range. */
    public OutreachFilter(List<Integer> years, List<String> programme, List<ProgrammeKind> programmeKind,
            List<String> city) {
        this(years, programme, programmeKind, city, null, null);
    }

    public static OutreachFilter year(int year) {
        return new OutreachFilter(List.of(year), null, null, null);
    }
}
