package dk.cmm.stats.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.data.mongodb.core.MongoTemplate;

import dk.cmm.stats.codebook.AgeGroup;
import dk.cmm.stats.codebook.CallerType;
import dk.cmm.stats.codebook.Exploitation;
import dk.cmm.stats.codebook.Gender;
import dk.cmm.stats.codebook.Region;
import dk.cmm.stats.codebook.Status;

/**
 * The statistics service answers the 2012 report's breakdowns from the bundled data. Subclasses run it on the
 * embedded server and, where Docker exists, on a real MongoDB: every pipeline of {@code stats} runs on both.
 */
abstract class StatsContract {

    @Autowired
    StatsService stats;

    @Autowired
    PersonListing listing;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CacheManager cacheManager;

    @Autowired
    dk.cmm.stats.storage.DataVersion dataVersion;

    private final PersonFilter y2012 = PersonFilter.builder().assessmentYears(2012).build();

    @Test
    void shouldGroupPersonsByOneDimensionWithSharesSortedByCount() {
        Stats byAuthority = stats.personStats(y2012, List.of(PersonDimension.ASSESSED_BY), false);
        assertThat(byAuthority.total()).isEqualTo(66);
        assertThat(byAuthority.groups()).extracting(Group::code).containsExactly("IMMIGRATION_SERVICE", "CMM");
        assertThat(byAuthority.groups()).extracting(Group::count).containsExactly(45, 21);
        assertThat(byAuthority.groups().get(0).share()).isEqualTo(45 / 66.0);
    }

    @Test
    void shouldCrossTabulateForcedLabourBySectorAndGender() {
        PersonFilter forcedLabour = y2012.toBuilder().exploitation(Exploitation.FORCED_LABOUR).build();
        Stats crossTab = stats.personStats(forcedLabour, List.of(PersonDimension.LABOUR_SECTOR,
                PersonDimension.GENDER), false);
        assertThat(crossTab.total()).isEqualTo(17);
        assertThat(crossTab.group("CLEANING", "MALE").orElseThrow().count()).isEqualTo(4);
        assertThat(crossTab.group("CLEANING", "FEMALE").orElseThrow().count()).isEqualTo(3);
        assertThat(crossTab.group("DOMESTIC_WORK", "FEMALE").orElseThrow().count()).isEqualTo(4);
        assertThat(crossTab.group("CANNABIS_PRODUCTION", "MALE").orElseThrow().count()).isEqualTo(1);
    }

    @Test
    void shouldSummariseAgeAndStayDays() {
        Stats all = stats.personStats(y2012, List.of(), false);
        assertThat(all.age().count()).isEqualTo(66);
        assertThat(all.age().min()).isEqualTo(18.0);
        assertThat(all.age().max()).isEqualTo(61.0);
        assertThat(Math.round(all.age().mean())).isEqualTo(30);
        assertThat(all.age().median()).isBetween(18.0, 61.0);
        assertThat(all.groups()).isEmpty();
    }

    @Test
    void shouldGroupAbsentAttributesUnderUnknownAndAddEmptyCodesOnRequest() {
        Stats genders2011 = stats.personStats(PersonFilter.builder().assessmentYears(2011).build(),
                List.of(PersonDimension.GENDER), true);
        assertThat(genders2011.count("UNKNOWN")).isEqualTo(54);
        assertThat(genders2011.count("FEMALE")).isEqualTo(6);
        assertThat(genders2011.group("MALE").orElseThrow().count()).isZero();
        assertThat(genders2011.group("OTHER")).isPresent();
    }

    @Test
    void shouldCountHotlineCallsByCallerAndReason() {
        Stats byCaller = stats.hotlineStats(HotlineFilter.year(2012), List.of(HotlineDimension.CALLER_TYPE), false);
        assertThat(byCaller.total()).isEqualTo(182);
        assertThat(byCaller.groups().get(0).code()).isEqualTo("POLICE");
        assertThat(byCaller.count("POLICE")).isEqualTo(111);
        Stats police = stats.hotlineStats(new HotlineFilter(List.of(2012), List.of(CallerType.POLICE), null),
                List.of(HotlineDimension.REASON), false);
        assertThat(police.groups()).extracting(Group::count).containsExactly(55, 34, 22);
    }

    @Test
    void shouldComputeEveryOutreachProgrammesFigures() {
        Map<String, OutreachRow> rows = stats.outreachStats(OutreachFilter.year(2012),
                List.of(OutreachDimension.PROGRAMME)).stream()
                .collect(Collectors.toMap(OutreachRow::code, Function.identity()));
        OutreachRow cph = rows.get("STREET_COPENHAGEN");
        assertThat(List.of(cph.activities(), cph.observed(), cph.observedNew(), cph.assessedTrafficked()))
                .containsExactly(40, 674, 135, 0);
        assertThat(cph.uniquePersons()).isNull();
        OutreachRow odense = rows.get("STREET_ODENSE");
        assertThat(List.of(odense.activities(), odense.contacts(), odense.uniquePersons(), odense.nationalities(),
                odense.newPersons(), odense.assessedTrafficked())).containsExactly(62, 193, 21, 6, 9, 4);
        OutreachRow clinics = rows.get("CLINIC_OUTREACH");
        assertThat(List.of(clinics.activities(), clinics.contacts(), clinics.assessedTrafficked()))
                .containsExactly(370, 384, 5);
        OutreachRow mos = rows.get("MEETING_PLACE_VESTERBRO");
        assertThat(mos.contacts()).isEqualTo(2907);
        assertThat(mos.uniquePersons()).isEqualTo(350);
        assertThat(mos.newPersons()).isEqualTo(200);
        assertThat(mos.contactsPerActivity().min()).isEqualTo(3.0);
        assertThat(mos.contactsPerActivity().max()).isEqualTo(36.0);
        assertThat(Math.round(mos.contactsPerActivity().mean())).isEqualTo(20);
        assertThat(mos.healthServiceUses()).isEqualTo(500);
        assertThat(mos.healthUsesPerPerson().min()).isEqualTo(1.0);
        assertThat(mos.healthUsesPerPerson().max()).isEqualTo(11.0);
        assertThat(mos.abortionReferrals()).isEqualTo(50);
        assertThat(mos.assessedTrafficked()).isEqualTo(4);
        OutreachRow dropIn = rows.get("DROP_IN_FREDERICIA");
        assertThat(dropIn.contacts()).isEqualTo(552);
        assertThat(Math.round((double) dropIn.contacts() / dropIn.activeWeeks())).isEqualTo(11);
        assertThat(dropIn.nationalities()).isEqualTo(23);
        assertThat(dropIn.healthServiceUses()).isEqualTo(167);
        assertThat((double) dropIn.healthServiceUses() / dropIn.activities()).isBetween(3.15, 3.25);
        assertThat(dropIn.newPersons()).isPositive();
        OutreachRow mobile = rows.get("MOBILE_HEALTH");
        assertThat(List.of(mobile.contacts(), mobile.uniquePersons(), mobile.healthServiceUses(),
                mobile.assessedTrafficked())).containsExactly(188, 188, 169, 2);
    }

    @Test
    void shouldGroupOutreachByKindAndCityThroughTheProgrammeRecords() {
        List<OutreachRow> byKind = stats.outreachStats(OutreachFilter.year(2012),
                List.of(OutreachDimension.PROGRAMME_KIND));
        OutreachRow street = byKind.stream().filter(r -> r.code().equals("STREET")).findFirst().orElseThrow();
        assertThat(street.activities()).isEqualTo(102);
        assertThat(street.assessedTrafficked()).isEqualTo(4);
        List<OutreachRow> byMonth = stats.outreachStats(OutreachFilter.year(2012), List.of(OutreachDimension.MONTH));
        assertThat(byMonth).hasSize(12);
        assertThat(byMonth.stream().mapToInt(OutreachRow::activities).sum()).isEqualTo(716);
        assertThat(byMonth.stream().mapToInt(OutreachRow::assessedTrafficked).sum()).isEqualTo(15);
    }

    @Test
    void shouldAnswerOutreachWithoutGroupByAsOneRowThatAddsUpTheCities() {
        List<OutreachRow> all = stats.outreachStats(OutreachFilter.year(2012), List.of());
        assertThat(all).hasSize(1);
        OutreachRow row = all.get(0);
        assertThat(row.key()).isEmpty();
        assertThat(row.activities()).isEqualTo(716);
        assertThat(row.assessedTrafficked()).isEqualTo(15);
        assertThat(row.contactsPerActivity().count()).isEqualTo(716);
        List<OutreachRow> byCity = stats.outreachStats(OutreachFilter.year(2012), List.of(OutreachDimension.CITY));
        assertThat(byCity).hasSizeGreaterThan(1);
        assertThat(byCity.stream().mapToInt(OutreachRow::activities).sum()).isEqualTo(row.activities());
        assertThat(byCity.stream().mapToInt(OutreachRow::contacts).sum()).isEqualTo(row.contacts());
        assertThat(byCity.stream().mapToInt(OutreachRow::assessedTrafficked).sum()).isEqualTo(15);
        List<OutreachRow> byMonth = stats.outreachStats(OutreachFilter.year(2012), List.of(OutreachDimension.MONTH));
        assertThat(byMonth).extracting(r -> r.key().get(0).number()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
                11, 12);
        assertThat(byMonth.stream().mapToInt(OutreachRow::contacts).sum()).isEqualTo(row.contacts());
    }

    @Test
    void shouldGiveExactMediansFromTheFrequencyTables() {
        List<Document> persons2012 = mongo.getCollection("persons").find(new Document("assessmentYear", 2012))
                .into(new ArrayList<>());
        Stats all = stats.personStats(y2012, List.of(), false);
        assertThat(all.age().median()).isEqualTo(median(persons2012, "ageAtIdentification"));
        assertThat(all.stayDays().median()).isEqualTo(median(persons2012, "stayDays"));
        assertThat(all.stayDays().count()).isEqualTo((int) persons2012.stream()
                .filter(d -> d.get("stayDays") != null).count());
        OutreachRow mos = stats.outreachStats(new OutreachFilter(List.of(2012), List.of("MEETING_PLACE_VESTERBRO"),
                null, null), List.of(OutreachDimension.PROGRAMME)).get(0);
        List<Document> activities = mongo.getCollection("outreachActivities")
                .find(new Document("year", 2012).append("programme", "MEETING_PLACE_VESTERBRO")).into(new ArrayList<>());
        List<Double> contacts = activities.stream()
                .map(a -> (double) a.getList("contacts", Document.class, List.of()).size()).sorted().toList();
        assertThat(mos.contactsPerActivity().median()).isEqualTo(median(contacts));
        assertThat(mos.contactsPerActivity().mean()).isCloseTo(
                contacts.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), within(1e-9));
        Map<String, Long> usesPerPerson = activities.stream()
                .flatMap(a -> a.getList("contacts", Document.class, List.of()).stream())
                .filter(c -> Boolean.TRUE.equals(c.get("healthServiceUsed")) && c.get("pseudonym") != null)
                .collect(Collectors.groupingBy(c -> c.getString("pseudonym"), Collectors.counting()));
        assertThat(mos.healthUsesPerPerson().count()).isEqualTo(usesPerPerson.size());
        assertThat(mos.healthUsesPerPerson().median()).isEqualTo(median(usesPerPerson.values().stream()
                .map(Long::doubleValue).sorted().toList()));
    }

    private static Double median(List<Document> docs, String field) {
        return median(docs.stream().map(d -> d.get(field)).filter(v -> v instanceof Number)
                .map(v -> ((Number) v).doubleValue()).sorted().toList());
    }

    private static Double median(List<Double> sorted) {
        int n = sorted.size();
        return (sorted.get((n - 1) / 2) + sorted.get(n / 2)) / 2;
    }

    @Test
    void shouldPageThroughEveryMatchInCaseReferenceOrder() {
        PersonFilter forcedLabour = y2012.toBuilder().exploitation(Exploitation.FORCED_LABOUR).build();
        List<String> expected = mongo.getCollection("persons")
                .find(new Document("assessmentYear", 2012).append("exploitation", "FORCED_LABOUR"))
                .map(d -> d.getString("_id")).into(new ArrayList<>()).stream().sorted().toList();
        assertThat(expected).hasSize(17);
        List<String> seen = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 10; page++) {
            PersonListing.Page p = listing.page(forcedLabour, after, 5);
            assertThat(p.totalCount()).isEqualTo(17);
            assertThat(p.hasPrevious()).isEqualTo(after != null);
            p.persons().forEach(person -> seen.add(person.caseRef()));
            assertThat(p.hasNext()).isEqualTo(seen.size() < 17);
            if (!p.hasNext()) {
                break;
            }
            after = p.persons().get(p.persons().size() - 1).caseRef();
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        PersonListing.Page beyond = listing.page(forcedLabour, expected.get(16), 5);
        assertThat(beyond.persons()).isEmpty();
        assertThat(beyond.hasPrevious()).isTrue();
        assertThat(beyond.hasNext()).isFalse();
    }

    @Test
    void shouldAddOnlyTheCodesTheFilterAllowsAndMarkYearsWithoutData() {
        PersonFilter years = PersonFilter.builder().assessmentYears(2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014)
                .build();
        Stats series = stats.personStats(years, List.of(PersonDimension.ASSESSMENT_YEAR), true);
        assertThat(series.groups()).extracting(Group::code).containsExactlyInAnyOrder("2007", "2008", "2011",
                "2012");
        assertThat(series.count("2012")).isEqualTo(66);
        assertThat(series.count("2011")).isEqualTo(60);
        assertThat(series.noData()).extracting(n -> n.key().code()).containsExactly("2009", "2010", "2013", "2014");
        assertThat(series.noData()).allSatisfy(n -> assertThat(n.reason()).isEqualTo(NoData.Reason.NO_RECORDS_FOR_YEAR));
        assertThat(series.hasNoData("2013")).isTrue();
        assertThat(series.hasNoData("2012")).isFalse();

        PersonFilter range = PersonFilter.builder().yearFrom(2007).yearTo(2014).build();
        Stats byRange = stats.personStats(range, List.of(PersonDimension.ASSESSMENT_YEAR), true, Order.KEY);
        assertThat(byRange.groups()).extracting(g -> g.key().get(0).year()).containsExactly(2007, 2008, 2011, 2012);
        assertThat(byRange.noData()).isEqualTo(series.noData());
        assertThat(byRange.total()).isEqualTo(series.total());

        Stats women = stats.personStats(y2012.toBuilder().gender(Gender.FEMALE).build(),
                List.of(PersonDimension.GENDER), true);
        assertThat(women.groups()).extracting(Group::code).containsExactly("FEMALE");
        Stats africans = stats.personStats(y2012.toBuilder().region(Region.AFRICA).build(),
                List.of(PersonDimension.NATIONALITY), true);
        assertThat(africans.groups()).isNotEmpty().allSatisfy(g -> assertThat(g.code()).isNotEqualTo("RO"));
        assertThat(africans.group("NG")).isPresent();
        Stats noGroupByYear = stats.personStats(years, List.of(PersonDimension.GENDER), false);
        assertThat(noGroupByYear.noData()).isEmpty();
    }

    @Test
    void shouldOrderByKeyInTheCodebooksOrderWithUnknownLast() {
        Stats ages = stats.personStats(PersonFilter.builder().assessmentYears(2011, 2012).build(),
                List.of(PersonDimension.AGE_GROUP), false, Order.KEY);
        List<String> codes = ages.groups().stream().map(Group::code).toList();
        assertThat(codes.get(codes.size() - 1)).isEqualTo("UNKNOWN");
        List<String> known = codes.subList(0, codes.size() - 1);
        assertThat(known).isSortedAccordingTo(java.util.Comparator.comparingInt(c -> AgeGroup.valueOf(c).ordinal()));
        Stats byCount = stats.personStats(PersonFilter.builder().assessmentYears(2011, 2012).build(),
                List.of(PersonDimension.AGE_GROUP), false);
        assertThat(byCount.groups()).extracting(Group::count).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(byCount.groups()).containsExactlyInAnyOrderElementsOf(ages.groups());
    }

    @Test
    void shouldBoundYearsByARangeInEveryFilter() {
        Stats calls = stats.hotlineStats(new HotlineFilter(null, null, null, 2012, 2012),
                List.of(HotlineDimension.YEAR), false);
        assertThat(calls.total()).isEqualTo(182);
        assertThat(calls.groups()).extracting(g -> g.key().get(0).year()).containsExactly(2012);
        List<OutreachRow> outreach = stats.outreachStats(new OutreachFilter(null, null, null, null, 2012, null),
                List.of(OutreachDimension.YEAR));
        assertThat(outreach).extracting(OutreachRow::code).allSatisfy(y -> assertThat(Integer.parseInt(y))
                .isGreaterThanOrEqualTo(2012));
        assertThatThrownBy(() -> stats.personStats(PersonFilter.builder().yearFrom(2014).yearTo(2012).build(),
                List.of(), false)).isInstanceOf(InvalidQueryException.class)
                .extracting(e -> ((InvalidQueryException) e).argument()).isEqualTo("filter.yearFrom");
    }

    @Test
    void shouldCountReturnsWithSupportEquivalentToAnIomReturn() {
        assertThat(stats.returnSupportEquivalentToIom(y2012.toBuilder().status(Status.ASSISTED_RETURN_CMM).build()))
                .isEqualTo(5);
    }

    @Test
    void shouldAnswerABatchOfReportQueriesExactlyAsEachSingleQuery() {
        PersonFilter forcedLabour = y2012.toBuilder().exploitation(Exploitation.FORCED_LABOUR).build();
        PersonFilter iomOfYear = PersonFilter.builder().status(Status.PREPARED_RETURN_IOM).outcomeYears(2012).build();
        List<PersonQuery> queries = List.of(
                new PersonQuery(y2012, List.of(), false),
                new PersonQuery(y2012, List.of(PersonDimension.ASSESSED_BY), false),
                new PersonQuery(y2012, List.of(PersonDimension.CONTACT_CHANNEL), true),
                new PersonQuery(y2012, List.of(PersonDimension.NATIONALITY), false),
                new PersonQuery(forcedLabour, List.of(PersonDimension.LABOUR_SECTOR, PersonDimension.GENDER), false),
                new PersonQuery(y2012, List.of(PersonDimension.AGE_GROUP), true),
                new PersonQuery(iomOfYear, List.of(PersonDimension.ASSESSMENT_YEAR), false),
                new PersonQuery(PersonFilter.builder().yearFrom(2007).yearTo(2012).build(),
                        List.of(PersonDimension.ASSESSMENT_YEAR, PersonDimension.ASSESSED_BY), true),
                new PersonQuery(PersonFilter.builder().assessmentYears(2011).build(),
                        List.of(PersonDimension.GENDER), true),
                new PersonQuery(y2012.toBuilder().status(Status.ASSISTED_RETURN_CMM).build(),
                        List.of(PersonDimension.ACCOMMODATION), false));
        List<Stats> singles = queries.stream()
                .map(q -> stats.personStats(q.filter(), q.groupBy(), q.includeEmpty())).toList();
        cacheManager.getCache(StatsCache.NAME).clear(); // the batch must compute, not read the singles' answers
        List<Stats> batch = stats.personStats(queries);
        assertThat(batch).containsExactlyElementsOf(singles);
        assertThat(batch.get(0).total()).isEqualTo(66);
        assertThat(batch.get(4).group("CLEANING", "MALE").orElseThrow().count()).isEqualTo(4);
        assertThat(stats.personStats(queries.subList(6, 8))).containsExactlyElementsOf(singles.subList(6, 8));
    }

    /**
     * A year typed in mongosh is stored as a double (1995.0); mongod's {@code $group} and {@code $in} take it for the
     * integer, so the single query's pipeline and the batch's rows both count it under the one code "1995" (issue
     * 23, risk 9), never "1995.0" beside it.
     */
    @Test
    void shouldCountAWholeNumberDoubleAsItsIntegerInSingleAndBatchAnswers() {
        var persons = mongo.getCollection("persons");
        persons.insertOne(new Document("_id", "1995-INT").append("assessmentYear", 1995).append("gender", "MALE"));
        persons.insertOne(new Document("_id", "1995-DBL").append("assessmentYear", 1995.0).append("gender", "MALE"));
        dataVersion.bump(); // written past the record writer, which would have bumped it
        try {
            PersonFilter y1995 = PersonFilter.builder().assessmentYears(1995).build();
            PersonQuery byYear = new PersonQuery(y1995, List.of(PersonDimension.ASSESSMENT_YEAR), true);
            Stats single = stats.personStats(byYear.filter(), byYear.groupBy(), byYear.includeEmpty());
            assertThat(single.groups()).extracting(Group::code).containsExactly("1995");
            assertThat(single.groups()).extracting(Group::count).containsExactly(2);
            cacheManager.getCache(StatsCache.NAME).clear();
            assertThat(stats.personStats(List.of(byYear, new PersonQuery(y1995, List.of(PersonDimension.GENDER),
                    false)))).first().isEqualTo(single);
        } finally {
            persons.deleteMany(new Document("_id", new Document("$in", List.of("1995-INT", "1995-DBL"))));
            dataVersion.bump();
        }
    }

    /**
     * The group counts come back as a cursor of their own {@code $group}, never inside one document (issue 23, risk
     * 6): mongod limits a result document to 16 MB and a {@code $facet} cannot spill, so a breakdown with more group
     * keys than one document holds (here 18 groups of 1 MB keys; in production about 100,000 groups of four
     * dimensions) failed while all its groups sat in one {@code $facet}. Only the frequency tables share one.
     */
    @Test
    void shouldReadTheGroupsAsACursorOfTheirOwnWhenTheyOutgrowOneDocument() {
        var persons = mongo.getCollection("persons");
        int groups = 18;
        List<Document> big = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            big.add(new Document("_id", "1990-BIG" + i).append("assessmentYear", 1990)
                    .append("nationality", (char) ('A' + i) + "x".repeat(1_000_000)).append("ageAtIdentification", 20 + i));
        }
        persons.insertMany(big);
        dataVersion.bump(); // written past the record writer, which would have bumped it
        try {
            PersonFilter y1990 = PersonFilter.builder().assessmentYears(1990).build();
            Stats answer = stats.personStats(y1990, List.of(PersonDimension.NATIONALITY), false);
            assertThat(answer.total()).isEqualTo(groups);
            assertThat(answer.groups()).hasSize(groups).allSatisfy(g -> assertThat(g.count()).isEqualTo(1));
            assertThat(answer.age().count()).isEqualTo(groups);
            assertThat(answer.age().median()).isEqualTo(20 + (groups - 1) / 2.0);

            List<List<Document>> sent = new ArrayList<>();
            Breakdowns.Breakdown read = Breakdowns.read(recording(persons, sent), Pipelines.personMatch(y1990),
                    List.of(PersonDimension.NATIONALITY), StatsService.PERSON_SUMMARIES);
            assertThat(read.groups()).hasSize(groups);
            assertThat(sent).hasSize(2);
            assertThat(sent.get(0)).last().satisfies(stage -> assertThat(stage.keySet()).containsExactly("$group"));
            assertThat(sent.get(0)).noneSatisfy(stage -> assertThat(stage).containsKey("$facet"));
            assertThat(sent.get(1).get(1).get("$facet", Document.class).keySet())
                    .containsExactlyElementsOf(StatsService.PERSON_SUMMARIES);
        } finally {
            persons.deleteMany(new Document("assessmentYear", 1990));
            dataVersion.bump();
        }
    }

    /** A collection that records the pipeline of every {@code aggregate} it is asked, then runs it. */
    @SuppressWarnings("unchecked")
    private static com.mongodb.client.MongoCollection<Document> recording(
            com.mongodb.client.MongoCollection<Document> collection, List<List<Document>> sent) {
        return (com.mongodb.client.MongoCollection<Document>) java.lang.reflect.Proxy.newProxyInstance(
                StatsContract.class.getClassLoader(), new Class<?>[] { com.mongodb.client.MongoCollection.class },
                (proxy, method, args) -> {
                    if (method.getName().equals("aggregate") && args.length == 1) {
                        sent.add((List<Document>) args[0]);
                    }
                    return method.invoke(collection, args);
                });
    }

    /**
     * The batch filters and groups in Java what a single query's pipeline filters and groups in the database: on
     * 300 random questions over every filter field (lists of codes, numbers, bounds, years that have no records,
     * attributes that earlier years leave absent), the batch's answers and return-support counts equal the
     * pipelines', on the embedded server and on mongod.
     */
    @Test
    void shouldAnswerRandomBatchesExactlyAsTheSingleQueriesPipelines() {
        java.util.Random random = new java.util.Random(20261202);
        List<String> nationalities = mongo.getCollection("persons").distinct("nationality", String.class)
                .into(new ArrayList<>());
        List<PersonQuery> queries = new ArrayList<>();
        List<PersonFilter> flagged = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            PersonFilter.Builder f = PersonFilter.builder();
            if (random.nextInt(3) > 0) {
                f.assessmentYears(pick(random, List.of(2006, 2007, 2008, 2009, 2011, 2012, 2013)));
            }
            if (random.nextInt(6) == 0) {
                f.yearFrom(2008 + random.nextInt(5));
            }
            if (random.nextInt(6) == 0) {
                f.yearTo(2010 + random.nextInt(4));
            }
            if (random.nextInt(5) == 0) {
                f.nationality(pick(random, nationalities).toArray(String[]::new));
            }
            if (random.nextInt(5) == 0) {
                f.region(pick(random, List.of(Region.values())).toArray(Region[]::new));
            }
            if (random.nextInt(5) == 0) {
                f.gender(pick(random, List.of(Gender.values())).toArray(Gender[]::new));
            }
            if (random.nextInt(5) == 0) {
                f.ageMin(random.nextInt(40));
            }
            if (random.nextInt(5) == 0) {
                f.ageMax(15 + random.nextInt(40));
            }
            if (random.nextInt(5) == 0) {
                f.exploitation(pick(random, List.of(Exploitation.values())).toArray(Exploitation[]::new));
            }
            if (random.nextInt(5) == 0) {
                f.status(pick(random, List.of(Status.values())).toArray(Status[]::new));
            }
            if (random.nextInt(6) == 0) {
                f.outcomeYears(pick(random, List.of(2011, 2012, 2013)).toArray(Integer[]::new));
            }
            if (random.nextInt(8) == 0) {
                f.accommodation(pick(random, List.of(dk.cmm.stats.codebook.Accommodation.values()))
                        .toArray(dk.cmm.stats.codebook.Accommodation[]::new));
            }
            PersonFilter filter = f.build();
            if (filter.ageMin() != null && filter.ageMax() != null && filter.ageMin() > filter.ageMax()) {
                filter = filter.toBuilder().ageMax(null).build();
            }
            if (filter.yearFrom() != null && filter.yearTo() != null && filter.yearFrom() > filter.yearTo()) {
                filter = filter.toBuilder().yearTo(null).build();
            }
            List<PersonDimension> groupBy = new ArrayList<>(List.of(PersonDimension.values()));
            java.util.Collections.shuffle(groupBy, random);
            queries.add(new PersonQuery(filter, groupBy.subList(0, random.nextInt(3)), random.nextBoolean()));
            if (i % 10 == 0) {
                flagged.add(filter);
            }
        }
        cacheManager.getCache(StatsCache.NAME).clear();
        List<Stats> singles = queries.stream()
                .map(q -> stats.personStats(q.filter(), q.groupBy(), q.includeEmpty())).toList();
        List<Integer> singleCounts = flagged.stream().map(stats::returnSupportEquivalentToIom).toList();
        cacheManager.getCache(StatsCache.NAME).clear(); // the batch must compute, not read the singles' answers
        PersonAnswers batch = stats.personBatch(queries, flagged);

        for (int i = 0; i < queries.size(); i++) {
            assertThat(batch.breakdowns().get(i)).as("question %d: %s", i, queries.get(i)).isEqualTo(singles.get(i));
        }
        assertThat(batch.returnSupportEquivalentToIom()).isEqualTo(singleCounts);
        // not vacuous: many questions find persons, some only through a bound or a derived field
        assertThat(singles.stream().filter(a -> a.total() > 0).count()).isGreaterThan(100);
        assertThat(queries.stream().filter(q -> q.filter().ageMin() != null || q.filter().ageMax() != null)
                .filter(q -> singles.get(queries.indexOf(q)).total() > 0).count()).isGreaterThan(5);
        assertThat(singleCounts.stream().mapToInt(Integer::intValue).sum()).isGreaterThan(0);
    }

    private static <T> List<T> pick(java.util.Random random, List<T> values) {
        List<T> picked = new ArrayList<>(values);
        java.util.Collections.shuffle(picked, random);
        return List.copyOf(picked.subList(0, 1 + random.nextInt(Math.min(3, picked.size()))));
    }
}
