package dk.cmm.stats.report;

import java.util.List;

/**
 * The report's text in one language, one record per section, as {@code report.ftlh} reads it
 * ({@code page.text.gender.paragraphs}). Each field is a list of paragraphs (empty where the section has nothing to
 * say), written by the section's writer ({@link ContactsSection} … {@link OtherWorkSection}) from the year's numbers.
 */
public record ReportText(Contacts contacts, Victims victims, Channel channel, Nationality nationality,
        Exploitation exploitation, Gender gender, Age age, Course course, OtherWork otherWork) {

    /** 1: the estimated number of contacts, with its footnote (null without an estimate). */
    public record Contacts(List<String> paragraphs, String footnote) {
    }

    /** 2: the number assessed (before figure 1) and by whom (before figure 2). */
    public record Victims(List<String> total, List<String> authorities) {
    }

    /** 3: how the persons were met. */
    public record Channel(List<String> paragraphs) {
    }

    /** 4: regions (before figure 4) and the leading countries (before figure 5). */
    public record Nationality(List<String> regions, List<String> countries) {
    }

    /** 5: forms of exploitation (before figure 6) and forced labour's sectors (before figure 7). */
    public record Exploitation(List<String> forms, List<String> sectors) {
    }

    /** 6: women and men, and what each was exploited in. */
    public record Gender(List<String> paragraphs) {
    }

    /** 7: ages at identification and minors. */
    public record Age(List<String> paragraphs) {
    }

    /**
     * 8: the course after the assessment: the offer, the status at the cut-off, and one subsection per outcome.
     *
     * @param iomAll every IOM prepared return of the year, including persons assessed earlier
     */
    public record Course(List<String> intro, List<String> status, List<String> iom, List<String> iomAll,
            List<String> cmm, List<String> cmmStay, List<String> eu, List<String> declined,
            List<String> declinedStay, List<String> otherStatus) {
    }

    /** 9: the hotline, the police's calls by reason (a list), and the sentence for a year without outreach data. */
    public record OtherWork(List<String> hotline, List<String> police, List<String> outreachNone) {
    }
}
