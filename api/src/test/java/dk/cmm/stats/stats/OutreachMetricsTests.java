package dk.cmm.stats.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import dk.cmm.stats.codebook.ProgrammeKind;
import dk.cmm.stats.outreach.Programme;

/**
 * The outreach metrics on hand-made activities, with the edge cases the bundled data never has, each checked against
 * what mongod's {@code $unwind}, {@code $addToSet} and {@code $sum} give for it (counted by hand here).
 */
class OutreachMetricsTests {

    private static Document contact(String pseudonym, String nationality, Boolean newPerson, Boolean health,
            Object referrals) {
        Document c = new Document();
        if (pseudonym != null) {
            c.append("pseudonym", pseudonym);
        }
        if (nationality != null) {
            c.append("nationality", nationality);
        }
        c.append("newPerson", newPerson).append("healthServiceUsed", health);
        if (referrals != null) {
            c.append("referrals", referrals);
        }
        return c;
    }

    @Test
    void shouldCountContactsAsUnwindingThemWould() {
        List<Document> activities = List.of(
                new Document("programme", "A").append("isoWeek", "2012-W01").append("observed", 3)
                        .append("contacts", List.of(
                                contact("p1", "NG", true, true, List.of("ABORTION", "ABORTION")),
                                contact("p1", "NG", false, true, "ABORTION"), // a single value unwinds as one
                                contact(null, "RO", true, false, null))),
                new Document("programme", "A").append("isoWeek", "2012-W01").append("observedNew", 2)
                        .append("contacts", List.of(contact("p2", null, null, true, List.of("HIV_TEST")))),
                new Document("programme", "A").append("isoWeek", "2012-W02"), // no contacts field at all
                new Document("programme", "B").append("contacts", List.of(contact(null, "TH", false, false, null))),
                new Document("isoWeek", "2012-W03").append("contacts", Arrays.asList((Object) null)));

        Map<List<GroupKey>, OutreachMetrics.Tally> tallies = OutreachMetrics.tally(activities,
                List.of(OutreachDimension.PROGRAMME), Map.of());

        OutreachRow a = tallies.get(List.of(new GroupKey("PROGRAMME", "A"))).row(List.of(), 4);
        assertThat(a.activities()).isEqualTo(3);
        assertThat(a.contacts()).isEqualTo(4);
        assertThat(a.observed()).isEqualTo(3);
        assertThat(a.observedNew()).isEqualTo(2);
        assertThat(a.activeWeeks()).isEqualTo(2);
        assertThat(a.uniquePersons()).isEqualTo(2);
        assertThat(a.nationalities()).isEqualTo(2);
        assertThat(a.newPersons()).isEqualTo(2);
        assertThat(a.healthServiceUses()).isEqualTo(3);
        assertThat(a.abortionReferrals()).isEqualTo(3);
        assertThat(a.assessedTrafficked()).isEqualTo(4);
        // contacts per activity: 3, 1, 0 -> median 1, mean 4/3
        assertThat(a.contactsPerActivity()).isEqualTo(new NumericSummary(3, 0.0, 3.0, 4.0 / 3, 1.0));
        // health uses per pseudonym: p1 twice, p2 once -> mean 1.5
        assertThat(a.healthUsesPerPerson()).isEqualTo(new NumericSummary(2, 1.0, 2.0, 1.5, 1.5));

        OutreachRow b = tallies.get(List.of(new GroupKey("PROGRAMME", "B"))).row(List.of(), 0);
        assertThat(b.uniquePersons()).as("no pseudonym: persons cannot be counted").isNull();
        assertThat(b.healthUsesPerPerson()).isNull();
        assertThat(b.activeWeeks()).isZero();
        assertThat(b.nationalities()).isEqualTo(1);

        OutreachRow unknown = tallies.get(List.of(new GroupKey("PROGRAMME", "UNKNOWN"))).row(List.of(), 0);
        assertThat(unknown.contacts()).as("a null in the list is an element").isEqualTo(1);
        assertThat(unknown.newPersons()).isZero();
    }

    @Test
    void shouldGroupByTheKindAndCityOfTheProgrammeRecordAndAnActivityWithoutOneAsUnknown() {
        List<Document> activities = List.of(new Document("programme", "A").append("programmeKind", "STREET")
                .append("city", "Odense"), new Document("programme", "A"), new Document("programme", "GONE"),
                new Document("isoWeek", "2012-W01"));
        Map<String, Programme> programmes = Map.of("A", new Programme("A", "A", "A", ProgrammeKind.PRISON, "Nyborg",
                null, null));

        Map<List<GroupKey>, OutreachMetrics.Tally> tallies = OutreachMetrics.tally(activities,
                List.of(OutreachDimension.PROGRAMME_KIND, OutreachDimension.CITY), programmes);

        assertThat(tallies.keySet()).as("a copy stored on an old activity is never read").containsExactly(
                List.of(new GroupKey("PROGRAMME_KIND", "PRISON"), new GroupKey("CITY", "Nyborg")),
                List.of(new GroupKey("PROGRAMME_KIND", "UNKNOWN"), new GroupKey("CITY", "UNKNOWN")));
        assertThat(tallies.values()).extracting(t -> t.activities).containsExactly(2, 2);
    }
}
