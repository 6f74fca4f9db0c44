package dk.cmm.stats.graphql;

import dk.cmm.stats.StaffTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Every number of the 2012 report, the published yearly totals, cross-tabs, empty codes, labels and the paging of
 * person records, asked over HTTP through the GraphQL API as a front-end developer would, with a caseworker's
 * token: these are the exact numbers (what callers without a token see, under disclosure control, is
 * {@code disclosure.AnonymousDisclosureTests}'). (The tester checks every answer's HTTP status is 200.) Subclasses run it against the embedded server and, where Docker
 * exists, a real MongoDB.
 */
abstract class GraphQlApiContract {

    static final Map<String, Object> Y2012 = Map.of("assessmentYears", List.of(2012));

    @Autowired
    HttpGraphQlTester graphQl;

    @BeforeEach
    void callAsCaseworker() {
        graphQl = StaffTokens.as(graphQl, StaffTokens.CASEWORKER);
    }

    Breakdown persons(Map<String, Object> filter, String... groupBy) {
        return personStats(filter, false, "DA", groupBy);
    }

    Breakdown personStats(Map<String, Object> filter, boolean includeEmpty, String lang, String... groupBy) {
        return graphQl.documentName("personBreakdown").variable("filter", filter)
                .variable("groupBy", List.of(groupBy)).variable("includeEmpty", includeEmpty).variable("lang", lang)
                .execute().path("personStats").entity(Breakdown.class).get();
    }

    static Map<String, Object> y2012(Object... pairs) {
        Map<String, Object> filter = new HashMap<>(Y2012);
        for (int i = 0; i < pairs.length; i += 2) {
            filter.put((String) pairs[i], pairs[i + 1]);
        }
        return filter;
    }

    Breakdown hotline(Map<String, Object> filter, String... groupBy) {
        return graphQl.documentName("hotlineBreakdown").variable("filter", filter)
                .variable("groupBy", List.of(groupBy)).execute().path("hotlineStats").entity(Breakdown.class).get();
    }

    Map<String, OutreachAnswer> outreachByProgramme2012() {
        return graphQl.documentName("outreachRows").variable("filter", Map.of("years", List.of(2012)))
                .variable("groupBy", List.of("PROGRAMME")).variable("lang", "EN").execute()
                .path("outreachStats").entityList(OutreachAnswer.class).get().stream()
                .collect(Collectors.toMap(OutreachAnswer::code, Function.identity()));
    }

    // --- persons assessed in 2012 ---

    @Test
    void shouldCount66PersonsAssessedIn2012_45ByTheImmigrationServiceAnd21ByTheCentre() {
        Breakdown byAuthority = persons(Y2012, "ASSESSED_BY");
        assertThat(byAuthority.total()).isEqualTo(66);
        assertThat(byAuthority.firstCodes()).containsExactly("IMMIGRATION_SERVICE", "CMM");
        assertThat(byAuthority.groups()).extracting(Breakdown.Cell::count).containsExactly(45, 21);
        assertThat(byAuthority.groups().get(0).share()).isCloseTo(45 / 66.0, within(1e-9));
    }

    @Test
    void shouldShowHalfMetViaThePoliceMoreThanAThirdViaOutreachAndTheRestViaPartners() {
        Breakdown channels = persons(Y2012, "CONTACT_CHANNEL");
        assertThat(channels.count("POLICE")).isEqualTo(33);
        assertThat(channels.group("POLICE").orElseThrow().share()).isEqualTo(0.5);
        assertThat(channels.count("OUTREACH") * 3).isGreaterThan(66);
        assertThat(channels.count("PARTNER")).isPositive();
        assertThat(channels.count("POLICE") + channels.count("OUTREACH") + channels.count("PARTNER")).isEqualTo(66);
    }

    @Test
    void shouldShow22NationalitiesWithTheRegionsSharesAndNigeriaRomaniaThailandOver60Percent() {
        assertThat(persons(Y2012, "NATIONALITY").groups()).hasSize(22);
        Breakdown regions = persons(Y2012, "REGION");
        assertThat(regions.group("AFRICA").orElseThrow().share()).as("just under half").isBetween(0.40, 0.4999);
        assertThat(regions.group("EUROPE").orElseThrow().share()).as("a quarter").isCloseTo(0.25, within(0.03));
        assertThat(regions.group("ASIA").orElseThrow().share()).as("a fifth").isCloseTo(0.20, within(0.03));
        assertThat(regions.count("LATIN_AMERICA")).isPositive().isLessThan(regions.count("ASIA"));
        assertThat(regions.count("MIDDLE_EAST")).isPositive().isLessThan(regions.count("ASIA"));
        Breakdown topThree = persons(y2012("nationality", List.of("NG", "RO", "TH")));
        assertThat(topThree.total() / 66.0).isGreaterThan(0.60);
    }

    @Test
    void shouldShow45InProstitutionAllWomen17InForcedLabourAndAFewOthers() {
        Breakdown exploitation = persons(Y2012, "EXPLOITATION");
        assertThat(exploitation.count("PROSTITUTION")).isEqualTo(45);
        assertThat(exploitation.count("FORCED_LABOUR")).isEqualTo(17);
        assertThat(exploitation.count("CRIME")).isPositive();
        assertThat(exploitation.count("MARRIAGE")).isPositive();
        assertThat(66 - 45 - 17).isEqualTo(4);
        Breakdown byGender = persons(Y2012, "EXPLOITATION", "GENDER");
        assertThat(byGender.count("PROSTITUTION", "FEMALE")).isEqualTo(45);
        assertThat(byGender.group("PROSTITUTION", "MALE")).isEmpty();
    }

    @Test
    void shouldShowForcedLabourBySector() {
        Breakdown sectors = persons(y2012("exploitation", List.of("FORCED_LABOUR")), "LABOUR_SECTOR");
        assertThat(sectors.total()).isEqualTo(17);
        assertThat(sectors.counts()).containsExactlyInAnyOrderEntriesOf(Map.of("CLEANING", 7, "DOMESTIC_WORK", 4,
                "RESTAURANT", 2, "CONSTRUCTION", 1, "MASSAGE_CLINIC", 2, "CANNABIS_PRODUCTION", 1));
        assertThat(sectors.firstCodes()).startsWith("CLEANING", "DOMESTIC_WORK");
    }

    @Test
    void shouldShow56WomenAnd10MenAndTheForcedLabourSectorsOfEachAsACrossTab() {
        Breakdown genders = persons(Y2012, "GENDER");
        assertThat(genders.counts()).containsExactlyInAnyOrderEntriesOf(Map.of("FEMALE", 56, "MALE", 10));
        Breakdown crossTab = persons(y2012("exploitation", List.of("FORCED_LABOUR")), "LABOUR_SECTOR", "GENDER");
        Map<List<String>, Integer> cells = crossTab.groups().stream()
                .collect(Collectors.toMap(Breakdown.Cell::codes, Breakdown.Cell::count));
        assertThat(cells).containsExactlyInAnyOrderEntriesOf(Map.of(
                List.of("CLEANING", "MALE"), 4, List.of("RESTAURANT", "MALE"), 2,
                List.of("CONSTRUCTION", "MALE"), 1, List.of("CANNABIS_PRODUCTION", "MALE"), 1,
                List.of("CLEANING", "FEMALE"), 3, List.of("DOMESTIC_WORK", "FEMALE"), 4,
                List.of("MASSAGE_CLINIC", "FEMALE"), 2));
        assertThat(crossTab.groups().get(0).key()).extracting(Breakdown.Code::dimension)
                .containsExactly("LABOUR_SECTOR", "GENDER");
    }

    @Test
    void shouldShowAges18To61WithMean30AndNoMinors() {
        Breakdown ages = personStats(Y2012, true, "DA", "AGE_GROUP");
        assertThat(ages.age().count()).isEqualTo(66);
        assertThat(ages.age().min()).isEqualTo(18.0);
        assertThat(ages.age().max()).isEqualTo(61.0);
        assertThat(Math.round(ages.age().mean())).isEqualTo(30);
        assertThat(ages.age().median()).isBetween(18.0, 61.0);
        assertThat(ages.group("UNDER_18")).as("listed with includeEmpty").isPresent();
        assertThat(ages.count("UNDER_18")).isZero();
    }

    @Test
    void shouldShowTheStatusesAtTheCutOff() {
        Breakdown statuses = persons(Y2012, "STATUS");
        assertThat(statuses.count("PREPARED_RETURN_IOM")).isEqualTo(7);
        assertThat(statuses.count("ASSISTED_RETURN_CMM")).isEqualTo(10);
        assertThat(statuses.count("STAYED_EU_CITIZEN")).isEqualTo(3);
        assertThat(statuses.count("DECLINED_OR_LEFT")).isEqualTo(26);
        assertThat(statuses.count("IN_SUPPORT") + statuses.count("ASYLUM_PROCESS")
                + statuses.count("OTHER_OR_UNKNOWN")).isEqualTo(20);
    }

    @Test
    void shouldShow7PreparedIomReturnsOfWomenAfter29To147DaysOnePrivatelyHoused() {
        Breakdown iom = persons(y2012("status", List.of("PREPARED_RETURN_IOM")), "ACCOMMODATION");
        assertThat(iom.total()).isEqualTo(7);
        assertThat(iom.stayDays().min()).isEqualTo(29.0);
        assertThat(iom.stayDays().max()).isEqualTo(147.0);
        assertThat(iom.counts()).containsExactlyInAnyOrderEntriesOf(Map.of("CRISIS_CENTRE", 6, "PRIVATE", 1));
        assertThat(persons(y2012("status", List.of("PREPARED_RETURN_IOM")), "GENDER").counts())
                .containsExactly(Map.entry("FEMALE", 7));
    }

    @Test
    void shouldShow10ReturnsAssistedByTheCentreAfter0To24DaysHalfAtAHotelHalfWithIomEquivalentSupport() {
        Map<String, Object> assisted = y2012("status", List.of("ASSISTED_RETURN_CMM"));
        Breakdown returns = persons(assisted, "ACCOMMODATION");
        assertThat(returns.total()).isEqualTo(10);
        assertThat(returns.stayDays().min()).isZero();
        assertThat(returns.stayDays().max()).isEqualTo(24.0);
        assertThat(returns.counts()).containsExactlyInAnyOrderEntriesOf(Map.of("HOTEL", 5, "CRISIS_CENTRE", 5));
        List<Boolean> equivalent = graphQl.documentName("personPage").variable("filter", assisted)
                .variable("first", 50).execute()
                .path("persons.edges[*].node.returnSupportEquivalentToIom").entityList(Boolean.class).get();
        assertThat(equivalent).hasSize(10).filteredOn(Boolean.TRUE::equals).hasSize(5);
    }

    @Test
    void shouldShow3EuCitizensWhoStayedARomanianCoupleAndASlovakWoman() {
        Breakdown eu = persons(y2012("status", List.of("STAYED_EU_CITIZEN")), "NATIONALITY", "GENDER");
        assertThat(eu.total()).isEqualTo(3);
        assertThat(eu.count("RO", "MALE")).isEqualTo(1);
        assertThat(eu.count("RO", "FEMALE")).isEqualTo(1);
        assertThat(eu.count("SK", "FEMALE")).isEqualTo(1);
    }

    @Test
    void shouldShow26WhoDeclinedOrLeftSupportWithin0To186Days() {
        Breakdown declined = persons(y2012("status", List.of("DECLINED_OR_LEFT")));
        assertThat(declined.total()).isEqualTo(26);
        assertThat(declined.stayDays().min()).isZero();
        assertThat(declined.stayDays().max()).isEqualTo(186.0);
    }

    @Test
    void shouldShow13PreparedIomReturnsDuring2012AllWomenSixAssessedInEarlierYears() {
        Map<String, Object> returns2012 = Map.of("status", List.of("PREPARED_RETURN_IOM"), "outcomeYears",
                List.of(2012));
        Breakdown byYear = persons(returns2012, "ASSESSMENT_YEAR");
        assertThat(byYear.total()).isEqualTo(13);
        assertThat(byYear.count("2012")).isEqualTo(7);
        assertThat(byYear.groups().stream().filter(g -> Integer.parseInt(g.codes().get(0)) < 2012)
                .mapToInt(Breakdown.Cell::count).sum()).isEqualTo(6);
        assertThat(persons(returns2012, "GENDER").counts()).containsExactly(Map.entry("FEMALE", 13));
    }

    // --- the yearly series ---

    @Test
    void shouldGiveThePublishedYearlyTotalsAndLeaveYearsWithoutATotalOut() {
        Breakdown series = persons(Map.of(), "ASSESSMENT_YEAR");
        assertThat(series.counts()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("2007", 17),
                Map.entry("2008", 28), Map.entry("2011", 60), Map.entry("2012", 66), Map.entry("2015", 93),
                Map.entry("2016", 121), Map.entry("2017", 98), Map.entry("2018", 97), Map.entry("2019", 64),
                Map.entry("2020", 77), Map.entry("2021", 80), Map.entry("2022", 73), Map.entry("2023", 112)));
        assertThat(series.firstCodes()).doesNotContain("2009", "2010", "2013", "2014", "UNKNOWN");
        assertThat(personStats(Map.of(), true, "DA", "ASSESSMENT_YEAR").firstCodes())
                .as("years without data are not codes, so includeEmpty adds no zero for them")
                .doesNotContain("2009", "2010", "2013", "2014");
    }

    @Test
    void shouldSplitByAuthorityFrom2012OnlyAndCallTheRestNotAvailable() {
        Breakdown split = personStats(Map.of("assessmentYears", List.of(2011, 2012)), false, "EN",
                "ASSESSMENT_YEAR", "ASSESSED_BY");
        assertThat(split.count("2011", "UNKNOWN")).isEqualTo(60);
        assertThat(split.count("2012", "IMMIGRATION_SERVICE")).isEqualTo(45);
        assertThat(split.count("2012", "CMM")).isEqualTo(21);
        assertThat(split.group("2011", "UNKNOWN").orElseThrow().key().get(1).label()).isEqualTo("Not available");
    }

    @Test
    void shouldCarry2011sThreeInForcedLabourAndThreeMinors() {
        Map<String, Object> y2011 = Map.of("assessmentYears", List.of(2011));
        assertThat(persons(y2011, "EXPLOITATION").count("FORCED_LABOUR")).isEqualTo(3);
        assertThat(persons(y2011, "AGE_GROUP").count("UNDER_18")).isEqualTo(3);
    }

    // --- the hotline ---

    @Test
    void shouldCount182HotlineCalls111FromThePolice55AboutCustody22AboutOperations34FollowUps() {
        Map<String, Object> y2012 = Map.of("years", List.of(2012));
        Breakdown callers = hotline(y2012, "CALLER_TYPE");
        assertThat(callers.total()).isEqualTo(182);
        assertThat(callers.firstCodes().get(0)).isEqualTo("POLICE");
        assertThat(callers.count("POLICE")).isEqualTo(111);
        Breakdown police = hotline(Map.of("years", List.of(2012), "callerType", List.of("POLICE")), "REASON");
        assertThat(police.groups()).extracting(Breakdown.Cell::count).containsExactly(55, 34, 22);
        assertThat(police.firstCodes()).containsExactly("PERSON_IN_CUSTODY", "CASE_FOLLOW_UP", "UPCOMING_OPERATION");
        Breakdown crossTab = hotline(y2012, "CALLER_TYPE", "REASON");
        assertThat(crossTab.count("POLICE", "PERSON_IN_CUSTODY")).isEqualTo(55);
        assertThat(crossTab.count("POLICE", "UPCOMING_OPERATION")).isEqualTo(22);
        assertThat(crossTab.count("POLICE", "CASE_FOLLOW_UP")).isEqualTo(34);
        assertThat(hotline(y2012, "MONTH").groups().stream().mapToInt(Breakdown.Cell::count).sum()).isEqualTo(182);
    }

    // --- outreach ---

    @Test
    void shouldShowStreetOutreachCopenhagen40Patrols674WomenObserved135NewNoneAssessed() {
        OutreachAnswer cph = outreachByProgramme2012().get("STREET_COPENHAGEN");
        assertThat(List.of(cph.activities(), cph.observed(), cph.observedNew(), cph.assessedTrafficked()))
                .containsExactly(40, 674, 135, 0);
        assertThat(cph.uniquePersons()).as("anonymous street work counts no persons").isNull();
        assertThat(cph.key().get(0).label()).isEqualTo("Street outreach, Copenhagen");
    }

    @Test
    void shouldShowStreetOutreachOdense62Visits193ContactsWith21WomenOf6Nationalities9NewAnd4Assessed() {
        OutreachAnswer odense = outreachByProgramme2012().get("STREET_ODENSE");
        assertThat(List.of(odense.activities(), odense.contacts(), odense.uniquePersons(), odense.nationalities(),
                odense.newPersons(), odense.assessedTrafficked())).containsExactly(62, 193, 21, 6, 9, 4);
    }

    @Test
    void shouldShowClinicOutreach370VisitsContactWith384PersonsAnd5Assessed() {
        OutreachAnswer clinics = outreachByProgramme2012().get("CLINIC_OUTREACH");
        assertThat(List.of(clinics.activities(), clinics.contacts(), clinics.assessedTrafficked()))
                .containsExactly(370, 384, 5);
    }

    @Test
    void shouldShowTheMeetingPlaceUsed2907TimesByAbout350UsersAbout200New3To36ADay() {
        OutreachAnswer mos = outreachByProgramme2012().get("MEETING_PLACE_VESTERBRO");
        assertThat(mos.contacts()).isEqualTo(2907);
        assertThat(mos.uniquePersons()).isCloseTo(350, within(about(350)));
        assertThat(mos.newPersons()).isCloseTo(200, within(about(200)));
        assertThat(mos.contactsPerActivity().min()).isEqualTo(3.0);
        assertThat(mos.contactsPerActivity().max()).isEqualTo(36.0);
        assertThat(Math.round(mos.contactsPerActivity().mean())).isEqualTo(20);
        assertThat(mos.assessedTrafficked()).isEqualTo(4);
        assertThat(mos.healthServiceUses()).isCloseTo(500, within(about(500)));
        assertThat(mos.healthUsesPerPerson().min()).isEqualTo(1.0);
        assertThat(mos.healthUsesPerPerson().max()).isEqualTo(11.0);
        assertThat(mos.abortionReferrals()).isCloseTo(50, within(about(50)));
    }

    @Test
    void shouldShowTheDropInUsed552Times11AWeekBy23NationalitiesWith167HealthUses3Point2ADay() {
        OutreachAnswer dropIn = outreachByProgramme2012().get("DROP_IN_FREDERICIA");
        assertThat(dropIn.contacts()).isEqualTo(552);
        assertThat(Math.round((double) dropIn.contacts() / dropIn.activeWeeks())).isEqualTo(11);
        assertThat(dropIn.nationalities()).isEqualTo(23);
        assertThat(dropIn.healthServiceUses()).isEqualTo(167);
        assertThat((double) dropIn.healthServiceUses() / dropIn.activities()).isCloseTo(3.2, within(0.05));
        assertThat(dropIn.newPersons()).as("new women can now be reported").isPositive();
    }

    @Test
    void shouldShowMobileHealthContactWith188Persons169ExaminationsAnd2Assessed() {
        OutreachAnswer mobile = outreachByProgramme2012().get("MOBILE_HEALTH");
        assertThat(List.of(mobile.contacts(), mobile.uniquePersons(), mobile.healthServiceUses(),
                mobile.assessedTrafficked())).containsExactly(188, 188, 169, 2);
    }

    @Test
    void shouldGroupOutreachByKindWithTheLabelsOfBothLanguages() {
        List<OutreachAnswer> byKind = graphQl.documentName("outreachRows")
                .variable("filter", Map.of("years", List.of(2012))).variable("groupBy", List.of("PROGRAMME_KIND"))
                .execute().path("outreachStats").entityList(OutreachAnswer.class).get();
        OutreachAnswer street = byKind.stream().filter(r -> r.code().equals("STREET")).findFirst().orElseThrow();
        assertThat(street.activities()).isEqualTo(40 + 62);
        assertThat(byKind.stream().mapToInt(OutreachAnswer::assessedTrafficked).sum()).isEqualTo(15);
    }

    /**
     * An activity's programme kind and city are its programme's, as the programme record has them now: after
     * {@code upsertProgramme} moves Odense's street outreach to another kind and city, its 2012 activities are
     * filtered and grouped under the new ones, as the persons met through it are. The record is put back after.
     */
    @Test
    void shouldFilterAndGroupOutreachByTheKindAndCityTheProgrammeHasNow() {
        Map<String, Object> odense = Map.of("code", "STREET_ODENSE", "nameDa", "Opsøgende indsats på gaden, Odense",
                "nameEn", "Street outreach, Odense", "kind", "STREET", "city", "Odense",
                "operator", "Reden Odense / Pro Vest");
        Map<String, Object> moved = new HashMap<>(odense);
        moved.put("kind", "PRISON");
        moved.put("city", "Nyborg");
        graphQl.documentName("upsertProgramme").variable("input", moved).execute()
                .path("upsertProgramme.kind").entity(String.class).isEqualTo("PRISON");
        try {
            List<OutreachAnswer> prisons = outreachRows(Map.of("years", List.of(2012), "programmeKind",
                    List.of("PRISON")), "PROGRAMME_KIND", "CITY");
            assertThat(prisons).extracting(r -> r.key().stream().map(Breakdown.Code::code).toList())
                    .containsExactly(List.of("PRISON", "Nyborg"));
            assertThat(List.of(prisons.get(0).activities(), prisons.get(0).contacts(),
                    prisons.get(0).assessedTrafficked())).containsExactly(62, 193, 4);
            assertThat(outreachRows(Map.of("years", List.of(2012), "city", List.of("Odense")))).isEmpty();
            Map<String, Integer> byKind = outreachRows(Map.of("years", List.of(2012)), "PROGRAMME_KIND").stream()
                    .collect(Collectors.toMap(OutreachAnswer::code, OutreachAnswer::activities));
            assertThat(byKind).containsEntry("STREET", 40).containsEntry("PRISON", 62);
        } finally {
            graphQl.documentName("upsertProgramme").variable("input", odense).execute()
                    .path("upsertProgramme.kind").entity(String.class).isEqualTo("STREET");
        }
    }

    List<OutreachAnswer> outreachRows(Map<String, Object> filter, String... groupBy) {
        return graphQl.documentName("outreachRows").variable("filter", filter).variable("groupBy", List.of(groupBy))
                .execute().path("outreachStats").entityList(OutreachAnswer.class).get();
    }

    /** The report's "about" figures hold within 3 %. */
    static int about(int figure) {
        return (int) Math.ceil(figure * 0.03);
    }

    // --- cross-tabs, empty codes, labels ---

    @Test
    void shouldAddTheCodebooksOtherCodesWithCountZeroOnRequest() {
        Map<String, Object> forcedLabour = y2012("exploitation", List.of("FORCED_LABOUR"));
        Breakdown oneWay = personStats(forcedLabour, true, "DA", "LABOUR_SECTOR");
        assertThat(oneWay.firstCodes()).containsExactlyInAnyOrder("CLEANING", "DOMESTIC_WORK", "RESTAURANT",
                "CONSTRUCTION", "MASSAGE_CLINIC", "CANNABIS_PRODUCTION", "AGRICULTURE", "OTHER");
        assertThat(oneWay.count("AGRICULTURE")).isZero();
        assertThat(oneWay.firstCodes().subList(6, 8)).as("zeros last, by code").containsExactly("AGRICULTURE", "OTHER");
        assertThat(persons(forcedLabour, "LABOUR_SECTOR").groups()).hasSize(6);

        Breakdown crossTab = personStats(forcedLabour, true, "DA", "LABOUR_SECTOR", "GENDER");
        assertThat(crossTab.groups()).hasSize(8 * 3);
        assertThat(crossTab.groups().stream().mapToInt(Breakdown.Cell::count).sum()).isEqualTo(17);
        assertThat(crossTab.group("MASSAGE_CLINIC", "MALE")).isPresent();
        assertThat(crossTab.count("MASSAGE_CLINIC", "MALE")).isZero();
        assertThat(crossTab.count("CLEANING", "MALE")).isEqualTo(4);
    }

    @Test
    void shouldLabelCodesInDanishByDefaultAndInEnglishOnRequest() {
        Breakdown danish = personStats(Y2012, false, "DA", "GENDER", "REGION");
        Breakdown english = personStats(Y2012, false, "EN", "GENDER", "REGION");
        assertThat(danish.group("MALE", "EUROPE").orElseThrow().key()).extracting(Breakdown.Code::label)
                .containsExactly("Mænd", "Europa");
        assertThat(english.group("MALE", "EUROPE").orElseThrow().key()).extracting(Breakdown.Code::label)
                .containsExactly("Men", "Europe");
        String defaultLabel = graphQl.documentName("genderLabelsByDefault")
                .execute().path("personStats.groups[0].key[0].label").entity(String.class).get();
        assertThat(defaultLabel).isIn("Kvinder", "Mænd", "Ikke oplyst");
        Breakdown countries = personStats(y2012("nationality", List.of("RO")), false, "DA", "NATIONALITY");
        assertThat(countries.groups().get(0).key().get(0).label()).isEqualTo("Rumænien");
        Breakdown unknown = personStats(Map.of("assessmentYears", List.of(2007)), false, "DA", "GENDER");
        assertThat(unknown.groups().get(0).key().get(0)).isEqualTo(new Breakdown.Code("GENDER", "UNKNOWN",
                "Ikke oplyst"));
    }

    // --- person records ---

    @Test
    void shouldPageThroughThe66PersonsOf2012WithoutGapsOrRepeats() {
        List<String> caseRefs = new ArrayList<>();
        String after = null;
        int pages = 0;
        boolean hasNext;
        do {
            var page = graphQl.documentName("personPage").variable("filter", Y2012).variable("first", 7)
                    .variable("after", after).execute();
            List<String> refs = page.path("persons.edges[*].node.caseRef").entityList(String.class).get();
            page.path("persons.totalCount").entity(Integer.class).isEqualTo(66);
            page.path("persons.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
            if (!refs.isEmpty()) {
                page.path("persons.pageInfo.startCursor").entity(String.class)
                        .isEqualTo(page.path("persons.edges[0].cursor").entity(String.class).get());
            }
            hasNext = page.path("persons.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("persons.pageInfo.endCursor").entity(String.class).get();
            assertThat(refs).hasSizeLessThanOrEqualTo(7);
            caseRefs.addAll(refs);
            pages++;
        } while (hasNext && pages < 20);
        assertThat(pages).isEqualTo(10);
        assertThat(caseRefs).hasSize(66).doesNotHaveDuplicates().isSorted().allMatch(ref -> ref.startsWith("2012-"));
    }

    @Test
    void shouldSelectPersonsWithTheSameFilterAsTheStatistics() {
        Map<String, Object> filter = y2012("exploitation", List.of("FORCED_LABOUR"), "gender", List.of("MALE"));
        var page = graphQl.documentName("personPage").variable("filter", filter).variable("first", 500).execute();
        page.path("persons.totalCount").entity(Integer.class).isEqualTo(persons(filter).total());
        page.path("persons.edges").entityList(Object.class).hasSize(8);
        page.path("persons.edges[*].node.gender").entityList(String.class).containsExactly(
                "MALE", "MALE", "MALE", "MALE", "MALE", "MALE", "MALE", "MALE");
        page.path("persons.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void shouldGive50PersonsAPageByDefaultWithWhoChangedThemAndWhen() {
        var page = graphQl.documentName("personPageDefaultSize").execute();
        page.path("persons.totalCount").entity(Integer.class).isEqualTo(persons(Map.of()).total());
        page.path("persons.edges").entityList(Object.class).hasSize(50);
        page.path("persons.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        var first = graphQl.documentName("personPage").variable("first", 1).execute();
        first.path("persons.edges[0].node.changedBy").entity(String.class).isEqualTo("system");
        String changedAt = first.path("persons.edges[0].node.changedAt").entity(String.class).get();
        assertThat(Instant.parse(changedAt)).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void shouldAnswerAnEmptyPageAfterTheLastPerson() {
        var last = graphQl.documentName("personPage").variable("filter", Y2012).variable("first", 500).execute();
        String end = last.path("persons.pageInfo.endCursor").entity(String.class).get();
        var after = graphQl.documentName("personPage").variable("filter", Y2012).variable("after", end).execute();
        after.path("persons.edges").entityList(Object.class).hasSize(0);
        after.path("persons.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        after.path("persons.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
        after.path("persons.pageInfo.endCursor").valueIsNull();
        assertThat(Objects.requireNonNull(end)).isNotBlank();
    }
}
