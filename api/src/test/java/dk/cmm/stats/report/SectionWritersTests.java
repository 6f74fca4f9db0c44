package dk.cmm.stats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.report.FigureData.Unit;
import dk.cmm.stats.stats.Group;
import dk.cmm.stats.stats.GroupKey;
import dk.cmm.stats.stats.HotlineDimension;
import dk.cmm.stats.stats.Labels;
import dk.cmm.stats.stats.NumericSummary;
import dk.cmm.stats.stats.PersonDimension;
import dk.cmm.stats.stats.Stats;
import dk.cmm.stats.yearnote.YearNote;

/**
 * Each section's writer on hand-made statistics, in Danish and English, including the branches the bundled years
 * never reach: as many women as men, only men, minors, a year whose status or calls are not recorded.
 */
class SectionWritersTests {

    static final Path TEMPLATES = Path.of("../site-templates");
    static final Labels LABELS = new Labels(Codebook.standard(), null);

    private static Prose prose(Lang lang) {
        return new Prose(2030, Messages.load(TemplateSource.resolve(TEMPLATES), lang), LABELS);
    }

    private static final Prose DA = prose(Lang.DA);
    private static final Prose EN = prose(Lang.EN);

    /** A one-way breakdown from code, count pairs, sorted as the service sorts (by count, then code). */
    static Stats stats(PersonDimension dimension, Object... codesAndCounts) {
        List<Group> groups = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < codesAndCounts.length; i += 2) {
            total += (Integer) codesAndCounts[i + 1];
        }
        for (int i = 0; i < codesAndCounts.length; i += 2) {
            int count = (Integer) codesAndCounts[i + 1];
            groups.add(new Group(List.of(new GroupKey(dimension.name(), (String) codesAndCounts[i])), count,
                    total == 0 ? 0 : (double) count / total));
        }
        groups.sort(Comparator.comparing(Group::count).reversed().thenComparing(Group::code));
        return new Stats(total, List.copyOf(groups), NumericSummary.EMPTY, NumericSummary.EMPTY);
    }

    /** A two-way breakdown from first code, second code, count triples. */
    static Stats cross(PersonDimension first, PersonDimension second, Object... cells) {
        List<Group> groups = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < cells.length; i += 3) {
            total += (Integer) cells[i + 2];
        }
        for (int i = 0; i < cells.length; i += 3) {
            int count = (Integer) cells[i + 2];
            groups.add(new Group(List.of(new GroupKey(first.name(), (String) cells[i]),
                    new GroupKey(second.name(), (String) cells[i + 1])), count, (double) count / total));
        }
        groups.sort(Comparator.comparing(Group::count).reversed());
        return new Stats(total, List.copyOf(groups), NumericSummary.EMPTY, NumericSummary.EMPTY);
    }

    static final Stats NONE = new Stats(0, List.of(), NumericSummary.EMPTY, NumericSummary.EMPTY);

    @Test
    void shouldSayThereAreAsManyWomenAsMen() {
        GenderSection.Numbers numbers = new GenderSection.Numbers(10,
                stats(PersonDimension.GENDER, "FEMALE", 5, "MALE", 5),
                stats(PersonDimension.EXPLOITATION, "PROSTITUTION", 4, "FORCED_LABOUR", 6),
                cross(PersonDimension.EXPLOITATION, PersonDimension.GENDER, "PROSTITUTION", "FEMALE", 4,
                        "FORCED_LABOUR", "FEMALE", 1, "FORCED_LABOUR", "MALE", 5),
                cross(PersonDimension.LABOUR_SECTOR, PersonDimension.GENDER, "CLEANING", "MALE", 3,
                        "RESTAURANT", "MALE", 2, "DOMESTIC_WORK", "FEMALE", 1));
        List<String> da = GenderSection.write(numbers, DA).paragraphs();
        List<String> en = GenderSection.write(numbers, EN).paragraphs();
        assertThat(da.get(0)).isEqualTo("Der er lige mange kvinder og mænd blandt de vurderede ofre for "
                + "menneskehandel, 5 af hvert køn.");
        assertThat(en.get(0)).isEqualTo("There are as many women as men among the persons assessed as victims of "
                + "human trafficking, 5 of each.");
        assertThat(en).hasSize(3);
        assertThat(en.get(1)).startsWith("Among the victims of forced labour there are 1 women and 5 men.")
                .contains("cleaning").doesNotContain("evenly");
        assertThat(en.get(2)).isEqualTo("Everyone assessed as trafficked for prostitution is a woman.");
        assertThat(da.get(1)).startsWith("Blandt ofrene for menneskehandel til tvangsarbejde er der 1 kvinder og 5 mænd.");
        assertThat(da.get(2)).isEqualTo("Alle der blev vurderet handlet til prostitution er kvinder.");
    }

    @Test
    void shouldSayAllWereMenAndNameAnotherGender() {
        GenderSection.Numbers allMen = new GenderSection.Numbers(3, stats(PersonDimension.GENDER, "MALE", 3),
                stats(PersonDimension.EXPLOITATION, "CRIME", 3),
                cross(PersonDimension.EXPLOITATION, PersonDimension.GENDER, "CRIME", "MALE", 3), NONE);
        assertThat(GenderSection.write(allMen, DA).paragraphs())
                .containsExactly("Alle 3 vurderede ofre for menneskehandel er mænd.");
        assertThat(GenderSection.write(allMen, EN).paragraphs())
                .containsExactly("All 3 persons assessed as victims of human trafficking are men.");
        GenderSection.Numbers other = new GenderSection.Numbers(7,
                stats(PersonDimension.GENDER, "FEMALE", 4, "MALE", 2, "OTHER", 1),
                stats(PersonDimension.EXPLOITATION, "CRIME", 7),
                cross(PersonDimension.EXPLOITATION, PersonDimension.GENDER, "CRIME", "FEMALE", 7), NONE);
        assertThat(GenderSection.write(other, DA).paragraphs().get(0)).endsWith("1 person er registreret med andet køn.");
        assertThat(GenderSection.write(other, EN).paragraphs().get(0)).endsWith("1 person are recorded with another gender.");
    }

    @Test
    void shouldGiveOnlyTheKnownCountsWhenFewHaveTheAttribute() {
        GenderSection.Numbers partly = new GenderSection.Numbers(60,
                stats(PersonDimension.GENDER, "FEMALE", 6, Codebook.UNKNOWN, 54),
                stats(PersonDimension.EXPLOITATION, Codebook.UNKNOWN, 60), NONE, NONE);
        assertThat(GenderSection.write(partly, DA).paragraphs())
                .as("a label after the colon is written as the sentence needs it, not capitalised")
                .containsExactly("Køn er kun oplyst for 6 af de 60 personer: kvinder (6).");
        assertThat(GenderSection.write(partly, EN).paragraphs())
                .containsExactly("The gender is only available for 6 of the 60 persons: women (6).");
        VictimsSection.Numbers authorities = new VictimsSection.Numbers(60,
                stats(PersonDimension.ASSESSED_BY, Codebook.UNKNOWN, 60));
        assertThat(VictimsSection.write(authorities, EN).authorities()).hasSize(2)
                .last().isEqualTo("The split by assessing authority is not available for 2030.");
        assertThat(VictimsSection.write(authorities, DA).authorities())
                .last().isEqualTo("Fordelingen på vurderende myndighed er ikke oplyst for 2030.");
    }

    @Test
    void shouldTellTheRemainingChannelLastAndEveryCountOnce() {
        ChannelSection.Numbers numbers = new ChannelSection.Numbers(20,
                stats(PersonDimension.CONTACT_CHANNEL, "POLICE", 10, "OUTREACH", 6, "PARTNER", 4));
        String da = ChannelSection.write(numbers, DA).paragraphs().get(0);
        String en = ChannelSection.write(numbers, EN).paragraphs().get(0);
        assertThat(da).startsWith("Halvdelen af de personer, der i 2030 er vurderet handlet, er mødt via politiet (10).")
                .contains("De resterende 4 er mødt");
        assertThat(en).contains("(10)").contains("The remaining 4 were met");
    }

    @Test
    void shouldCountMinorsAndPersonsWithOnlyAnAgeGroup() {
        AgeSection.Numbers numbers = new AgeSection.Numbers(10, new NumericSummary(8, 15.0, 40.0, 24.4, 22.0),
                stats(PersonDimension.AGE_GROUP, "UNDER_18", 2, "AGE_18_24", 5, "AGE_25_29", 3));
        assertThat(AgeSection.write(numbers, DA).paragraphs()).singleElement().asString()
                .contains("15–40", "24").contains("2 personer under 18 år er vurderet handlet i 2030.")
                .endsWith("For 2 personer kendes kun aldersgruppen.");
        assertThat(AgeSection.write(numbers, EN).paragraphs()).singleElement().asString()
                .contains("2 persons under 18 were assessed as trafficked in 2030.")
                .endsWith("For 2 persons, only the age group is known.");
    }

    @Test
    void shouldSayTheOutcomesCannotBeCountedWithoutAStatus() {
        Stats unknown = stats(PersonDimension.STATUS, Codebook.UNKNOWN, 9);
        CourseSection.Numbers numbers = new CourseSection.Numbers(2030, 9, null, unknown, NONE, NONE, NONE, NONE,
                NONE, 0, NONE, NONE);
        ReportText.Course en = CourseSection.write(numbers, EN);
        assertThat(en.iom()).containsExactly("Returns, assisted departures and declined support can therefore not "
                + "be counted for the year.");
        assertThat(en.cmm()).isEmpty();
        assertThat(en.otherStatus()).isEmpty();
        assertThat(CourseSection.write(numbers, DA).iom()).containsExactly("Derfor kan hjemsendelser, hjemrejser og "
                + "afslag ikke opgøres for året.");
    }

    @Test
    void shouldSayAnOutcomeIsNotAvailableWhenSomeStatusesAreUnknown() {
        Stats partly = stats(PersonDimension.STATUS, "IN_SUPPORT", 6, Codebook.UNKNOWN, 4);
        CourseSection.Numbers numbers = new CourseSection.Numbers(2030, 10, LocalDate.of(2031, 1, 31), partly, NONE,
                NONE, NONE, NONE, NONE, 0, NONE, NONE);
        ReportText.Course en = CourseSection.write(numbers, EN);
        String notCounted = "The number is not available: the status is known for only 6 of the 10 persons assessed "
                + "as trafficked in 2030.";
        assertThat(en.iom()).containsExactly(notCounted);
        assertThat(en.cmm()).containsExactly(notCounted);
        assertThat(en.declined()).containsExactly(notCounted);
        assertThat(en.status().get(0)).contains("January 2031");
        assertThat(CourseSection.write(numbers, DA).eu()).containsExactly("Antallet er ikke oplyst: status kendes "
                + "kun for 6 af de 10 personer, der blev vurderet handlet i 2030.");
        assertThat(CourseSection.write(numbers, DA).status().get(0)).contains("januar 2031");
    }

    @Test
    void shouldSayAYearWithoutCallsOrOutreachHasNoNumbers() {
        FigureData emptyFigure = Figures.bars("14-2", HotlineDimension.REASON, NONE,
                Figures.Order.BY_COUNT, false, Unit.CALLS);
        OtherWorkSection.Numbers numbers = new OtherWorkSection.Numbers(NONE, NONE, emptyFigure, 0);
        ReportText.OtherWork en = OtherWorkSection.write(numbers, EN);
        assertThat(en.hotline()).containsExactly("No hotline calls are recorded for 2030: the number is not available.");
        assertThat(en.police()).isEmpty();
        assertThat(en.outreachNone()).containsExactly("No outreach work is recorded for 2030: the numbers are not "
                + "available.");
        ReportText.OtherWork da = OtherWorkSection.write(numbers, DA);
        assertThat(da.hotline()).containsExactly("Der er ingen registrerede opkald på hotline for 2030: tallet er "
                + "ikke oplyst.");
        assertThat(da.outreachNone()).containsExactly("Der er ingen registreringer af opsøgende indsats for 2030: "
                + "tallene er ikke oplyst.");
    }

    @Test
    void shouldWriteContactsWithoutAnEstimateAndWithoutAFootnote() {
        ReportText.Contacts en = ContactsSection.write(new ContactsSection.Numbers(null), EN);
        assertThat(en.paragraphs()).containsExactly("There is no estimate of the number of contacts in 2030.");
        assertThat(en.footnote()).isNull();
        YearNote note = new YearNote(2030, 10, 20, null, false, "Skønnet note.", "Estimated note.", null);
        ReportText.Contacts da = ContactsSection.write(new ContactsSection.Numbers(note), DA);
        assertThat(da.paragraphs().get(0)).contains("10–20");
        assertThat(da.footnote()).isEqualTo("Skønnet note.");
        assertThat(ContactsSection.write(new ContactsSection.Numbers(note), EN).footnote()).isEqualTo("Estimated note.");
    }

    @Test
    void shouldTellFewFormsTogetherAndAYearWithoutForcedLabour() {
        Stats forms = stats(PersonDimension.EXPLOITATION, "PROSTITUTION", 19, "CRIME", 1);
        FigureData sectors = Figures.bars("07", PersonDimension.LABOUR_SECTOR, NONE,
                Figures.Order.BY_COUNT, true, Unit.CASES);
        ExploitationSection.Numbers numbers = new ExploitationSection.Numbers(20, forms, sectors);
        ReportText.Exploitation en = ExploitationSection.write(numbers, EN);
        assertThat(en.sectors()).containsExactly("Nobody was assessed as trafficked for forced labour in 2030.");
        assertThat(en.forms()).containsExactly("19 of the persons assessed as victims of human trafficking were "
                + "trafficked for prostitution. A few (1) were trafficked for other forms of exploitation: crime (1).");
        assertThat(ExploitationSection.write(numbers, DA).forms()).containsExactly("19 af de vurderede ofre for "
                + "menneskehandel er handlet til prostitution. Ganske få (1) er handlet til andre former for "
                + "udnyttelse: kriminalitet (1).");
        assertThat(ExploitationSection.write(numbers, DA).sectors())
                .containsExactly("Ingen er vurderet handlet til tvangsarbejde i 2030.");
    }

    @Test
    void shouldSayOneCountryAndRankNoCountriesBelowFive() {
        NationalitySection.Numbers numbers = new NationalitySection.Numbers(4,
                stats(PersonDimension.REGION, "AFRICA", 4), stats(PersonDimension.NATIONALITY, "NG", 4));
        ReportText.Nationality en = NationalitySection.write(numbers, EN);
        assertThat(en.regions().get(0)).startsWith("The 4 victims of human trafficking come from one country.");
        assertThat(en.countries()).isEmpty();
        assertThat(NationalitySection.write(numbers, DA).regions().get(0))
                .startsWith("De 4 ofre for menneskehandel kommer fra ét land.");
    }
}
