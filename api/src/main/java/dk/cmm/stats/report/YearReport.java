package dk.cmm.stats.report;

import java.util.List;
import java.util.Map;

import dk.cmm.stats.outreach.Programme;
import dk.cmm.stats.stats.NumericSummary;
import dk.cmm.stats.stats.OutreachRow;
import dk.cmm.stats.yearnote.YearNote;

/**
 * Everything the report of one year says, asked of the statistics service before anything is written: per section
 * the numbers its writer needs, the figures, the outreach rows. Plain data: building a page or a CSV from it asks
 * nothing more of the database.
 *
 * @param note    the year note, or null when the year has none
 * @param total   persons assessed in the year
 * @param age     their age summary
 * @param figures by id, {@code 01} … {@code 14-2}
 */
record YearReport(
        int year,
        YearNote note,
        int total,
        NumericSummary age,
        ContactsSection.Numbers contacts,
        VictimsSection.Numbers victims,
        ChannelSection.Numbers channel,
        NationalitySection.Numbers nationality,
        ExploitationSection.Numbers exploitation,
        GenderSection.Numbers gender,
        AgeSection.Numbers ages,
        CourseSection.Numbers course,
        OtherWorkSection.Numbers otherWork,
        List<Programmed> outreach,
        Map<String, FigureData> figures,
        List<ReportTable> tables) {

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

    /** The text of every section in one language, each from its own writer. */
    ReportText text(Prose p) {
        return new ReportText(ContactsSection.write(contacts, p), VictimsSection.write(victims, p),
                ChannelSection.write(channel, p), NationalitySection.write(nationality, p),
                ExploitationSection.write(exploitation, p), GenderSection.write(gender, p), AgeSection.write(ages, p),
                CourseSection.write(course, p), OtherWorkSection.write(otherWork, p));
    }
}
