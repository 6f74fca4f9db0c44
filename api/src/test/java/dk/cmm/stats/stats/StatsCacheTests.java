package dk.cmm.stats.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

import dk.cmm.stats.CmmStatsApplication;
import dk.cmm.stats.codebook.Gender;
import dk.cmm.stats.importer.RecordKind;
import dk.cmm.stats.importer.RecordValidation;
import dk.cmm.stats.person.Person;
import dk.cmm.stats.person.PersonService;
import dk.cmm.stats.storage.MongoEndpoint;
import dk.cmm.stats.storage.RecordWriter;
import dk.cmm.stats.storage.Stamp;

/**
 * The result cache answers a repeated question from memory, and never with data older than the last write: neither
 * this instance's writes nor those of another instance sharing the database.
 */
@SpringBootTest(properties = "cmm.data-dir=target/test-data/cache-${random.uuid}") // its own context: it writes
class StatsCacheTests {

    private static final PersonFilter Y2012 = PersonFilter.builder().assessmentYears(2012).build();
    private static final List<PersonDimension> BY_GENDER = List.of(PersonDimension.GENDER);

    @Autowired
    StatsService stats;

    @Autowired
    PersonService persons;

    @Autowired
    RecordWriter writer;

    @Autowired
    RecordValidation validation;

    @Test
    void shouldAnswerARepeatedQueryFromTheCache() {
        Stats first = stats.personStats(Y2012, BY_GENDER, false);
        assertThat(stats.personStats(Y2012, BY_GENDER, false)).isSameAs(first);
        assertThat(stats.personStats(Y2012, BY_GENDER, true)).isNotSameAs(first);
        assertThat(stats.personStats(Y2012, List.of(PersonDimension.GENDER, PersonDimension.REGION), false))
                .isNotSameAs(first);
    }

    @Test
    void shouldTreatEqualFiltersAsOneQuery() {
        PersonFilter messy = PersonFilter.builder().assessmentYears(List.of(2012, 2011, 2012))
                .gender(Gender.MALE, Gender.FEMALE).accommodation().build();
        PersonFilter tidy = PersonFilter.builder().assessmentYears(2011, 2012).gender(Gender.FEMALE, Gender.MALE)
                .build();
        assertThat(stats.personStats(messy, BY_GENDER, false)).isSameAs(stats.personStats(tidy, BY_GENDER, false));
        assertThat(stats.personStats(null, BY_GENDER, false))
                .isSameAs(stats.personStats(PersonFilter.ALL, BY_GENDER, false));
    }

    @Test
    void shouldChangeTheAnswerWhenAPersonIsCreatedBetweenTwoIdenticalQueries() {
        int before = stats.personStats(Y2012, BY_GENDER, false).count("MALE");
        persons.create(person("2012-C001", "MALE"), Stamp.SYSTEM);
        Stats after = stats.personStats(Y2012, BY_GENDER, false);
        assertThat(after.count("MALE")).isEqualTo(before + 1);
        assertThat(after.total()).isEqualTo(stats.personStats(Y2012, List.of(), false).total());
    }

    @Test
    void shouldChangeTheAnswerAfterABulkWrite() {
        int before = stats.personStats(Y2012, BY_GENDER, false).count("OTHER");
        writer.upsertAll(Person.class, List.of(person("2012-C002", "OTHER"), person("2012-C003", "OTHER")),
                Stamp.SYSTEM);
        assertThat(stats.personStats(Y2012, BY_GENDER, false).count("OTHER")).isEqualTo(before + 2);
        assertThat(stats.years()).contains(2012);
    }

    @Test
    void shouldChangeTheAnswerAfterASingleRecordUpsertAsTheMutationsMakeIt() {
        int before = stats.personStats(Y2012, BY_GENDER, false).count("FEMALE");
        writer.upsert(person("2012-C004", "FEMALE"), Stamp.SYSTEM);
        assertThat(stats.personStats(Y2012, BY_GENDER, false).count("FEMALE")).isEqualTo(before + 1);
    }

    @Test
    void shouldSeeAWriteMadeThroughAnotherInstanceOnTheSameDatabase() {
        String dataDir = "target/test-data/shared-" + java.util.UUID.randomUUID();
        try (ConfigurableApplicationContext owner = start(dataDir);
                ConfigurableApplicationContext guest = start(dataDir)) {
            assertThat(owner.getBean(MongoEndpoint.class).embedded().ownsServer()).isTrue();
            assertThat(guest.getBean(MongoEndpoint.class).embedded().ownsServer())
                    .as("the second instance uses the first one's server, as a second API instance would").isFalse();
            StatsService ownerStats = owner.getBean(StatsService.class);
            StatsService guestStats = guest.getBean(StatsService.class);
            Stats ownerBefore = ownerStats.personStats(Y2012, BY_GENDER, false);
            Stats guestBefore = guestStats.personStats(Y2012, BY_GENDER, false);
            assertThat(ownerStats.personStats(Y2012, BY_GENDER, false)).isSameAs(ownerBefore);
            assertThat(guestStats.personStats(Y2012, BY_GENDER, false)).isSameAs(guestBefore);

            guest.getBean(PersonService.class).create(person("2012-G001", "MALE"), Stamp.SYSTEM);
            assertThat(ownerStats.personStats(Y2012, BY_GENDER, false).count("MALE"))
                    .isEqualTo(ownerBefore.count("MALE") + 1);

            owner.getBean(PersonService.class).create(person("2012-G002", "MALE"), Stamp.SYSTEM);
            assertThat(guestStats.personStats(Y2012, BY_GENDER, false).count("MALE"))
                    .isEqualTo(guestBefore.count("MALE") + 2);
        }
    }

    @Test
    void shouldComputeEveryTimeWhenTheCacheIsOff() {
        try (ConfigurableApplicationContext uncached = start("target/test-data/nocache-" + java.util.UUID.randomUUID(),
                "--cmm.stats.cache.enabled=false")) {
            StatsService service = uncached.getBean(StatsService.class);
            Stats first = service.personStats(Y2012, BY_GENDER, false);
            Stats second = service.personStats(Y2012, BY_GENDER, false);
            assertThat(second).isNotSameAs(first).isEqualTo(first);
        }
    }

    private Person person(String caseRef, String gender) {
        return (Person) validation.batch().validate(RecordKind.PERSONS,
                Map.of("caseRef", caseRef, "assessmentYear", 2012, "gender", gender));
    }

    private static ConfigurableApplicationContext start(String dataDir, String... more) {
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("--cmm.data-dir=" + dataDir),
                java.util.stream.Stream.of(more)).toArray(String[]::new);
        return new SpringApplicationBuilder(CmmStatsApplication.class).web(WebApplicationType.NONE).run(args);
    }
}
