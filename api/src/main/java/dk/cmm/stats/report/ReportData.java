package dk.cmm.stats.report;

import java.util.List;
import java.util.Map;

import dk.cmm.stats.outreach.Programme;
import dk.cmm.stats.stats.OutreachRow;
import dk.cmm.stats.stats.Stats;
import dk.cmm.stats.yearnote.YearNote;

/**
 * Everything the report of one year says, asked of the statistics service before anything is written: the
 * breakdowns behind the sentences, the figures, the outreach rows, and the year note and programme records for the
 * editorial text. Plain data: building a page or a CSV from it asks nothing more of the database.
 *
 * @param persons all persons assessed in the year (with the age and stay-days summaries)
 * @param note    the year note, or null when the year has none
 */
record ReportData(
        int year,
        YearNote note,
        Stats persons,
        Stats byAuthority,
        Stats byChannel,
        Stats byRegion,
        Stats byNationality,
        Stats byExploitation,
        Stats forcedLabourBySectorAndGender,
        Stats exploitationByGender,
        Stats byGender,
        Stats byAgeGroup,
        Stats byStatus,
        Stats iomByAccommodation,
        Stats iomByGender,
        Stats iomOfYearByAssessmentYear,
        Stats iomOfYearByGender,
        Stats cmmByAccommodation,
        int cmmSupportEquivalentToIom,
        Stats euByNationality,
        Stats declinedByNationality,
        Stats hotlineByCaller,
        Stats policeByReason,
        List<Programmed> outreach,
        Map<String, FigureData> figures) {

    /** An outreach programme's record with its metrics for the year. */
    record Programmed(Programme programme, OutreachRow metrics) {
    }

    FigureData figure(String id) {
        FigureData figure = figures.get(id);
        if (figure == null) {
            throw new IllegalArgumentException("no figure " + id);
        }
        return figure;
    }
}
