package dk.cmm.stats.report;

import static dk.cmm.stats.report.ReportQuestion.*;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.report.Figures.Order;
import dk.cmm.stats.report.FigureData.Unit;
import dk.cmm.stats.stats.HotlineDimension;
import dk.cmm.stats.stats.PersonDimension;
import dk.cmm.stats.stats.Stats;
import dk.cmm.stats.yearnote.YearNote;

/**
 * What the statistics answered for one year's report, by question, before it is shaped into figures and sections.
 *
 * @param persons            the answer to every {@link ReportQuestion}
 * @param cmmEquivalentToIom of the year's assisted returns, those supported as an IOM prepared return is
 * @param callsByCaller      the year's hotline calls by caller
 * @param policeByReason     the police's calls by reason, with a zero for every reason without calls
 * @param outreach           the programmes with activities in the year, in the report's order
 * @param note               the year note, or null
 */
record YearAnswers(int year, EnumMap<ReportQuestion, Stats> persons, int cmmEquivalentToIom, Stats callsByCaller,
        Stats policeByReason, List<YearReport.Programmed> outreach, YearNote note) {

    Stats get(ReportQuestion question) {
        return persons.get(question);
    }

    /** The year's report: its figures, and per section the numbers its writer needs. */
    YearReport report() {
        Stats byAuthority = get(BY_AUTHORITY);
        Stats byChannel = get(BY_CHANNEL);
        Stats byExploitation = get(BY_EXPLOITATION);
        Stats byGender = get(BY_GENDER);
        Stats byStatus = get(BY_STATUS);
        boolean statusKnown = byStatus.count(Codebook.UNKNOWN) == 0;
        List<Integer> seriesYears = ReportQuestion.seriesYears(year);

        Map<String, FigureData> figures = new LinkedHashMap<>();
        add(figures, Figures.yearly(get(YEARLY), seriesYears));
        add(figures, Figures.byAuthority(get(YEARLY_BY_AUTHORITY), seriesYears));
        add(figures, Figures.bars("03", PersonDimension.CONTACT_CHANNEL, byChannel, Order.BY_COUNT, true,
                Unit.PERSONS));
        add(figures, Figures.bars("04", PersonDimension.REGION, get(BY_REGION), Order.BY_COUNT, true, Unit.PERSONS));
        add(figures, Figures.bars("05", PersonDimension.NATIONALITY, get(BY_NATIONALITY), Order.BY_COUNT, true,
                Unit.PERSONS));
        add(figures, Figures.bars("06", PersonDimension.EXPLOITATION, byExploitation, Order.BY_COUNT, true,
                Unit.PERSONS));
        add(figures, Figures.bars("07", PersonDimension.LABOUR_SECTOR, get(FORCED_LABOUR_BY_SECTOR), Order.BY_COUNT,
                byExploitation.count(Codebook.UNKNOWN) == 0, Unit.CASES));
        add(figures, Figures.grouped("08", PersonDimension.EXPLOITATION, PersonDimension.GENDER,
                get(EXPLOITATION_BY_GENDER), byExploitation, byGender));
        add(figures, Figures.bars("09", PersonDimension.AGE_GROUP, get(BY_AGE_GROUP), Order.BY_CODE, true,
                Unit.PERSONS));
        add(figures, Figures.bars("10", PersonDimension.STATUS, byStatus, Order.BY_CODE, true, Unit.PERSONS));
        add(figures, Figures.bars("11", PersonDimension.NATIONALITY, get(IOM_RETURNS_OF_YEAR_BY_NATIONALITY),
                Order.BY_COUNT, statusKnown, Unit.PERSONS));
        add(figures, Figures.bars("12", PersonDimension.NATIONALITY, get(CMM_RETURNS_BY_NATIONALITY), Order.BY_COUNT,
                statusKnown, Unit.PERSONS));
        add(figures, Figures.bars("13", PersonDimension.NATIONALITY, get(DECLINED_BY_NATIONALITY), Order.BY_COUNT,
                statusKnown, Unit.PERSONS));
        add(figures, Figures.bars("14", HotlineDimension.CALLER_TYPE, callsByCaller, Order.BY_COUNT, false,
                Unit.CALLS));
        add(figures, Figures.bars("14-2", HotlineDimension.REASON, policeByReason, Order.BY_COUNT,
                callsByCaller.total() > 0 && callsByCaller.count(Codebook.UNKNOWN) == 0, Unit.CALLS));

        int total = byAuthority.total(); // every breakdown of the year's persons carries their total and summaries
        return new YearReport(year, note, total, byAuthority.age(),
                new ContactsSection.Numbers(note),
                new VictimsSection.Numbers(total, byAuthority),
                new ChannelSection.Numbers(total, byChannel),
                new NationalitySection.Numbers(total, get(BY_REGION), get(BY_NATIONALITY)),
                new ExploitationSection.Numbers(total, byExploitation, figures.get("07")),
                new GenderSection.Numbers(total, byGender, byExploitation, get(EXPLOITATION_BY_GENDER),
                        get(FORCED_LABOUR_BY_SECTOR_AND_GENDER)),
                new AgeSection.Numbers(total, byAuthority.age(), get(BY_AGE_GROUP)),
                new CourseSection.Numbers(year, total, note == null ? null : note.cutOffDate(), byStatus,
                        get(IOM_RETURNS_BY_ACCOMMODATION), get(IOM_RETURNS_BY_GENDER),
                        get(IOM_RETURNS_OF_YEAR_BY_ASSESSMENT_YEAR), get(IOM_RETURNS_OF_YEAR_BY_GENDER),
                        get(CMM_RETURNS_BY_ACCOMMODATION), cmmEquivalentToIom,
                        get(EU_CITIZENS_BY_NATIONALITY), get(DECLINED_BY_NATIONALITY)),
                new OtherWorkSection.Numbers(callsByCaller, policeByReason, figures.get("14-2"), outreach.size()),
                outreach, Map.copyOf(figures), PublishedTables.of(this));
    }

    private static void add(Map<String, FigureData> figures, FigureData figure) {
        figures.put(figure.id(), figure);
    }
}
