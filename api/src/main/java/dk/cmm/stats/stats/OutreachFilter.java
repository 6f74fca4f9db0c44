package dk.cmm.stats.stats;

import java.util.List;

import dk.cmm.stats.codebook.ProgrammeKind;

/** Which outreach activities to include; null or empty lists mean any. */
public record OutreachFilter(List<Integer> years, List<String> programme, List<ProgrammeKind> programmeKind,
        List<String> city) {

    public static final OutreachFilter ALL = new OutreachFilter(null, null, null, null);

    public static OutreachFilter year(int year) {
        return new OutreachFilter(List.of(year), null, null, null);
    }
}
