package dk.cmm.stats.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every number of the 2012 report, and every published yearly total, computed from the loaded bundled data by
 * MongoDB queries and aggregation pipelines. Subclasses run it against the embedded server and, where Docker
 * exists, a real MongoDB.
 */
abstract class BundledDataContract {

    @Autowired
    MongoTemplate mongo;

    long persons(Document filter) {
        return mongo.getCollection("persons").countDocuments(filter);
    }

    static Document y2012(Object... pairs) {
        Document filter = new Document("assessmentYear", 2012);
        for (int i = 0; i < pairs.length; i += 2) {
            filter.append((String) pairs[i], pairs[i + 1]);
        }
        return filter;
    }

    /** Runs a pipeline and returns its single result document. */
    Document aggregate(String collection, Document... stages) {
        Document result = mongo.getCollection(collection).aggregate(List.of(stages)).first();
        return result == null ? new Document() : result;
    }

    /** A field's count / min / max / avg over matching persons. */
    Document summary(Document match, String field) {
        return aggregate("persons", new Document("$match", match),
                new Document("$group", new Document("_id", null).append("n", new Document("$sum", 1))
                        .append("min", new Document("$min", "$" + field))
                        .append("max", new Document("$max", "$" + field))
                        .append("avg", new Document("$avg", "$" + field))));
    }

    int distinctCount(String collection, Document match, String unwind, String field) {
        List<Document> stages = new ArrayList<>(List.of(new Document("$match", match)));
        if (unwind != null) {
            stages.add(new Document("$unwind", "$" + unwind));
        }
        stages.add(new Document("$match", new Document(field, new Document("$exists", true).append("$ne", null))));
        stages.add(new Document("$group", new Document("_id", "$" + field)));
        stages.add(new Document("$count", "n"));
        Document result = mongo.getCollection(collection).aggregate(stages).first();
        return result == null ? 0 : result.getInteger("n");
    }

    @Test
    void shouldHave66PersonsAssessedIn2012_45ByTheImmigrationServiceAnd21ByTheCentre() {
        assertThat(persons(y2012())).isEqualTo(66);
        assertThat(persons(y2012("assessedBy", "IMMIGRATION_SERVICE"))).isEqualTo(45);
        assertThat(persons(y2012("assessedBy", "CMM"))).isEqualTo(21);
    }

    @Test
    void shouldHaveHalfMetViaThePoliceMoreThanAThirdViaOutreachAndTheRestViaPartners() {
        long police = persons(y2012("contactChannel", "POLICE"));
        long outreach = persons(y2012("contactChannel", "OUTREACH"));
        long partner = persons(y2012("contactChannel", "PARTNER"));
        assertThat(police).isEqualTo(33);
        assertThat(outreach * 3).isGreaterThan(66);
        assertThat(police + outreach + partner).isEqualTo(66);
        assertThat(partner).isPositive();
    }

    @Test
    void shouldHave22NationalitiesWithTheReportedRegionalShares() {
        assertThat(distinctCount("persons", y2012(), null, "nationality")).isEqualTo(22);
        double africa = persons(y2012("region", "AFRICA")) / 66.0;
        double europe = persons(y2012("region", "EUROPE")) / 66.0;
        double asia = persons(y2012("region", "ASIA")) / 66.0;
        long latinAmerica = persons(y2012("region", "LATIN_AMERICA"));
        long middleEast = persons(y2012("region", "MIDDLE_EAST"));
        assertThat(africa).as("just under half").isBetween(0.40, 0.4999);
        assertThat(europe).as("a quarter").isCloseTo(0.25, within(0.03));
        assertThat(asia).as("a fifth").isCloseTo(0.20, within(0.03));
        assertThat(latinAmerica).isPositive().isLessThan(persons(y2012("region", "ASIA")));
        assertThat(middleEast).isPositive().isLessThan(persons(y2012("region", "ASIA")));
        long topThree = persons(y2012("nationality", new Document("$in", List.of("NG", "RO", "TH"))));
        assertThat(topThree / 66.0).as("Nigeria, Romania and Thailand over 60 %").isGreaterThan(0.60);
    }

    @Test
    void shouldHave45InProstitutionAllWomen17InForcedLabourAndAFewOthers() {
        assertThat(persons(y2012("exploitation", "PROSTITUTION"))).isEqualTo(45);
        assertThat(persons(y2012("exploitation", "PROSTITUTION", "gender", "FEMALE"))).isEqualTo(45);
        assertThat(persons(y2012("exploitation", "FORCED_LABOUR"))).isEqualTo(17);
        assertThat(persons(y2012("exploitation", "CRIME"))).isPositive();
        assertThat(persons(y2012("exploitation", "MARRIAGE"))).isPositive();
        assertThat(persons(y2012("exploitation", new Document("$in", List.of("CRIME", "MARRIAGE", "OTHER")))))
                .isEqualTo(4);
    }

    @Test
    void shouldHaveForcedLabourBySectorAsReported() {
        Map<String, Integer> sectors = Map.of("CLEANING", 7, "DOMESTIC_WORK", 4, "RESTAURANT", 2, "CONSTRUCTION", 1,
                "MASSAGE_CLINIC", 2, "CANNABIS_PRODUCTION", 1);
        sectors.forEach((sector, count) -> assertThat(persons(y2012("labourSector", sector))).as(sector)
                .isEqualTo(count.longValue()));
    }

    @Test
    void shouldHave56WomenAnd10MenWithTheReportedForcedLabourSectorsOfEach() {
        assertThat(persons(y2012("gender", "FEMALE"))).isEqualTo(56);
        assertThat(persons(y2012("gender", "MALE"))).isEqualTo(10);
        Map<String, Integer> men = Map.of("CLEANING", 4, "RESTAURANT", 2, "CONSTRUCTION", 1, "CANNABIS_PRODUCTION", 1);
        Map<String, Integer> women = Map.of("CLEANING", 3, "DOMESTIC_WORK", 4, "MASSAGE_CLINIC", 2);
        men.forEach((sector, n) -> assertThat(persons(y2012("gender", "MALE", "labourSector", sector))).as(sector)
                .isEqualTo(n.longValue()));
        women.forEach((sector, n) -> assertThat(persons(y2012("gender", "FEMALE", "labourSector", sector)))
                .as(sector).isEqualTo(n.longValue()));
        assertThat(persons(y2012("gender", "MALE", "exploitation", "FORCED_LABOUR"))).isEqualTo(8);
        assertThat(persons(y2012("gender", "FEMALE", "exploitation", "FORCED_LABOUR"))).isEqualTo(9);
    }

    @Test
    void shouldHaveAges18To61WithMean30AndNoMinors() {
        Document age = summary(y2012(), "ageAtIdentification");
        assertThat(((Number) age.get("min")).intValue()).isEqualTo(18);
        assertThat(((Number) age.get("max")).intValue()).isEqualTo(61);
        assertThat(Math.round(((Number) age.get("avg")).doubleValue())).isEqualTo(30);
        assertThat(persons(y2012("ageGroup", "UNDER_18"))).isZero();
    }

    @Test
    void shouldHave7PreparedIomReturnsOfWomenWith29To147DaysAndOnePrivatelyHoused() {
        Document iom = y2012("status", "PREPARED_RETURN_IOM");
        assertThat(persons(iom)).isEqualTo(7);
        assertThat(persons(new Document(iom).append("gender", "FEMALE"))).isEqualTo(7);
        Document days = summary(iom, "stayDays");
        assertThat(days.getInteger("min")).isEqualTo(29);
        assertThat(days.getInteger("max")).isEqualTo(147);
        assertThat(persons(new Document(iom).append("accommodation", "PRIVATE"))).isEqualTo(1);
        assertThat(persons(new Document(iom).append("accommodation", "CRISIS_CENTRE"))).isEqualTo(6);
    }

    @Test
    void shouldHave10ReturnsAssistedByTheCentreWith0To24DaysHalfAtAHotelHalfWithIomEquivalentSupport() {
        Document cmm = y2012("status", "ASSISTED_RETURN_CMM");
        assertThat(persons(cmm)).isEqualTo(10);
        Document days = summary(cmm, "stayDays");
        assertThat(days.getInteger("min")).isZero();
        assertThat(days.getInteger("max")).isEqualTo(24);
        assertThat(persons(new Document(cmm).append("accommodation", "HOTEL"))).isEqualTo(5);
        assertThat(persons(new Document(cmm).append("accommodation", "CRISIS_CENTRE"))).isEqualTo(5);
        assertThat(persons(new Document(cmm).append("returnSupportEquivalentToIom", true))).isEqualTo(5);
    }

    @Test
    void shouldHave3EuCitizensWhoStayedARomanianCoupleAndASlovakWoman() {
        Document eu = y2012("status", "STAYED_EU_CITIZEN");
        assertThat(persons(eu)).isEqualTo(3);
        assertThat(persons(new Document(eu).append("nationality", "RO").append("gender", "MALE"))).isEqualTo(1);
        assertThat(persons(new Document(eu).append("nationality", "RO").append("gender", "FEMALE"))).isEqualTo(1);
        assertThat(persons(new Document(eu).append("nationality", "SK").append("gender", "FEMALE"))).isEqualTo(1);
    }

    @Test
    void shouldHave26WhoDeclinedOrLeftSupportWithin0To186DaysAnd20InOtherSituations() {
        Document declined = y2012("status", "DECLINED_OR_LEFT");
        assertThat(persons(declined)).isEqualTo(26);
        Document days = summary(declined, "stayDays");
        assertThat(days.getInteger("min")).isZero();
        assertThat(days.getInteger("max")).isEqualTo(186);
        assertThat(persons(y2012("status", new Document("$in", List.of("IN_SUPPORT", "ASYLUM_PROCESS",
                "OTHER_OR_UNKNOWN"))))).isEqualTo(20);
    }

    @Test
    void shouldHave13PreparedIomReturnsIn2012AllWomenSixAssessedEarlier() {
        Document returns2012 = new Document("status", "PREPARED_RETURN_IOM").append("outcomeYear", 2012);
        assertThat(persons(returns2012)).isEqualTo(13);
        assertThat(persons(new Document(returns2012).append("gender", "FEMALE"))).isEqualTo(13);
        assertThat(persons(new Document(returns2012).append("assessmentYear", new Document("$lt", 2012))))
                .isEqualTo(6);
    }

    @Test
    void shouldCarryEveryPublishedYearlyTotalAndNothingForUnknownYears() {
        Map<Integer, Integer> totals = Map.ofEntries(Map.entry(2007, 17), Map.entry(2008, 28), Map.entry(2011, 60),
                Map.entry(2012, 66), Map.entry(2015, 93), Map.entry(2016, 121), Map.entry(2017, 98),
                Map.entry(2018, 97), Map.entry(2019, 64), Map.entry(2020, 77), Map.entry(2021, 80),
                Map.entry(2022, 73), Map.entry(2023, 112));
        totals.forEach((year, total) -> assertThat(persons(new Document("assessmentYear", year))).as("" + year)
                .isEqualTo(total.longValue()));
        for (int unknown : new int[] { 2009, 2010, 2013, 2014 }) {
            assertThat(persons(new Document("assessmentYear", unknown))).as("" + unknown).isZero();
        }
        assertThat(persons(new Document("assessmentYear", 2011).append("exploitation", "FORCED_LABOUR")))
                .isEqualTo(3);
        assertThat(persons(new Document("assessmentYear", 2011).append("ageGroup", "UNDER_18"))).isEqualTo(3);
    }

    @Test
    void shouldHave182HotlineCalls111FromThePoliceWith55And22And34ByReason() {
        var calls = mongo.getCollection("hotlineCalls");
        assertThat(calls.countDocuments(new Document("year", 2012))).isEqualTo(182);
        Document police = new Document("year", 2012).append("callerType", "POLICE");
        assertThat(calls.countDocuments(police)).isEqualTo(111);
        assertThat(calls.countDocuments(new Document(police).append("reason", "PERSON_IN_CUSTODY"))).isEqualTo(55);
        assertThat(calls.countDocuments(new Document(police).append("reason", "UPCOMING_OPERATION"))).isEqualTo(22);
        assertThat(calls.countDocuments(new Document(police).append("reason", "CASE_FOLLOW_UP"))).isEqualTo(34);
    }

    /** Sums of one programme's activities in 2012: activities, observed, observedNew, contacts, and flag counts. */
    Document programme(String code) {
        Document contactsSize = new Document("$size", new Document("$ifNull", List.of("$contacts", List.of())));
        return aggregate("outreachActivities",
                new Document("$match", new Document("year", 2012).append("programme", code)),
                new Document("$group", new Document("_id", null)
                        .append("activities", new Document("$sum", 1))
                        .append("observed", new Document("$sum", new Document("$ifNull", List.of("$observed", 0))))
                        .append("observedNew", new Document("$sum",
                                new Document("$ifNull", List.of("$observedNew", 0))))
                        .append("contacts", new Document("$sum", contactsSize))
                        .append("minContacts", new Document("$min", contactsSize))
                        .append("maxContacts", new Document("$max", contactsSize))
                        .append("meanContacts", new Document("$avg", contactsSize))));
    }

    int contactsWith(String code, String flag) {
        Document result = aggregate("outreachActivities",
                new Document("$match", new Document("year", 2012).append("programme", code)),
                new Document("$unwind", "$contacts"),
                new Document("$match", new Document("contacts." + flag, true)),
                new Document("$count", "n"));
        return result.getInteger("n", 0);
    }


    @Test
    void shouldHaveStreetOutreachCopenhagen40Patrols674Observed135NewNoneAssessed() {
        Document cph = programme("STREET_COPENHAGEN");
        assertThat(cph.getInteger("activities")).isEqualTo(40);
        assertThat(cph.getInteger("observed")).isEqualTo(674);
        assertThat(cph.getInteger("observedNew")).isEqualTo(135);
        assertThat(persons(y2012("contactProgramme", "STREET_COPENHAGEN"))).isZero();
    }

    @Test
    void shouldHaveStreetOutreachOdense62Visits193ContactsWith21WomenOf6Nationalities9NewAnd4Assessed() {
        Document odense = programme("STREET_ODENSE");
        Document match = new Document("year", 2012).append("programme", "STREET_ODENSE");
        assertThat(odense.getInteger("activities")).isEqualTo(62);
        assertThat(odense.getInteger("contacts")).isEqualTo(193);
        assertThat(distinctCount("outreachActivities", match, "contacts", "contacts.pseudonym")).isEqualTo(21);
        assertThat(distinctCount("outreachActivities", match, "contacts", "contacts.nationality")).isEqualTo(6);
        assertThat(contactsWith("STREET_ODENSE", "newPerson")).isEqualTo(9);
        assertThat(persons(y2012("contactProgramme", "STREET_ODENSE"))).isEqualTo(4);
    }

    @Test
    void shouldHaveClinicOutreach370VisitsContactWith384PersonsAnd5Assessed() {
        Document clinics = programme("CLINIC_OUTREACH");
        assertThat(clinics.getInteger("activities")).isEqualTo(370);
        assertThat(clinics.getInteger("contacts")).isEqualTo(384);
        assertThat(persons(y2012("contactProgramme", "CLINIC_OUTREACH"))).isEqualTo(5);
    }

    @Test
    void shouldHaveTheMeetingPlaceUsed2907TimesByAbout350UsersOfWhomAbout200New() {
        String code = "MEETING_PLACE_VESTERBRO";
        Document mos = programme(code);
        Document match = new Document("year", 2012).append("programme", code);
        assertThat(mos.getInteger("contacts")).isEqualTo(2907);
        assertThat(distinctCount("outreachActivities", match, "contacts", "contacts.pseudonym"))
                .isCloseTo(350, within(10));
        assertThat(contactsWith(code, "newPerson")).isCloseTo(200, within(6));
        assertThat(mos.getInteger("minContacts")).isEqualTo(3);
        assertThat(mos.getInteger("maxContacts")).isEqualTo(36);
        assertThat(Math.round(((Number) mos.get("meanContacts")).doubleValue())).isEqualTo(20);
        assertThat(persons(y2012("contactProgramme", code))).isEqualTo(4);
        assertThat(contactsWith(code, "healthServiceUsed")).isCloseTo(500, within(15));
        Document perWoman = aggregate("outreachActivities", new Document("$match", match),
                new Document("$unwind", "$contacts"),
                new Document("$match", new Document("contacts.healthServiceUsed", true)),
                new Document("$group", new Document("_id", "$contacts.pseudonym").append("uses",
                        new Document("$sum", 1))),
                new Document("$group", new Document("_id", null).append("min", new Document("$min", "$uses"))
                        .append("max", new Document("$max", "$uses"))));
        assertThat(perWoman.getInteger("min")).isEqualTo(1);
        assertThat(perWoman.getInteger("max")).isEqualTo(11);
        Document abortions = aggregate("outreachActivities", new Document("$match", match),
                new Document("$unwind", "$contacts"), new Document("$unwind", "$contacts.referrals"),
                new Document("$match", new Document("contacts.referrals", "ABORTION")), new Document("$count", "n"));
        assertThat(abortions.getInteger("n")).isCloseTo(50, within(2));
    }

    @Test
    void shouldHaveTheDropInUsed552Times11AWeekBy23NationalitiesWith167HealthUses3Point2PerDay() {
        String code = "DROP_IN_FREDERICIA";
        Document dropIn = programme(code);
        Document match = new Document("year", 2012).append("programme", code);
        int contacts = dropIn.getInteger("contacts");
        assertThat(contacts).isEqualTo(552);
        int weeks = distinctCount("outreachActivities", match, null, "isoWeek");
        assertThat(Math.round((double) contacts / weeks)).isEqualTo(11);
        assertThat(distinctCount("outreachActivities", match, "contacts", "contacts.nationality")).isEqualTo(23);
        int health = contactsWith(code, "healthServiceUsed");
        assertThat(health).isEqualTo(167);
        assertThat((double) health / dropIn.getInteger("activities")).isCloseTo(3.2, within(0.05));
        assertThat(contactsWith(code, "newPerson")).as("new women can now be reported").isPositive();
    }

    @Test
    void shouldHaveMobileHealthContactWith188Persons169ExaminationsAnd2Assessed() {
        String code = "MOBILE_HEALTH";
        Document match = new Document("year", 2012).append("programme", code);
        assertThat(programme(code).getInteger("contacts")).isEqualTo(188);
        assertThat(distinctCount("outreachActivities", match, "contacts", "contacts.pseudonym")).isEqualTo(188);
        assertThat(contactsWith(code, "healthServiceUsed")).isEqualTo(169);
        assertThat(persons(y2012("contactProgramme", code))).isEqualTo(2);
    }

    @Test
    void shouldHaveTheYearNoteEstimateOf800To1000Contacts() {
        Document note = mongo.getCollection("yearNotes").find(new Document("_id", 2012)).first();
        assertThat(note).isNotNull();
        assertThat(note.getInteger("contactsEstimateMin")).isEqualTo(800);
        assertThat(note.getInteger("contactsEstimateMax")).isEqualTo(1000);
        assertThat(note.getBoolean("reconstructed")).isTrue();
    }

    @Test
    void shouldKeepAbsentAttributesAbsentRatherThanZero() {
        Document only2007 = mongo.getCollection("persons").find(new Document("assessmentYear", 2007)).first();
        assertThat(only2007).isNotNull();
        assertThat(only2007.keySet()).doesNotContain("gender", "nationality", "ageAtIdentification", "region");
    }
}
