package dk.cmm.stats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import dk.cmm.stats.codebook.Gender;
import dk.cmm.stats.person.Person;
import dk.cmm.stats.storage.RecordWriter;

/**
 * Two instances publishing the same year at once (issue 23, failure 3): both see no release of it, both build
 * revision 1, and the second insert meets the first's. Instance B here is a second {@link Releases} whose reads of
 * the latest releases were made before instance A published (its store answers them from then), while its
 * writes and read-backs go to the same database.
 */
@SpringBootTest(properties = { "cmm.data-dir=target/test-data/${random.uuid}", "cmm.bundled-data=NEVER" })
class ConcurrentPublicationTests {

    @Autowired
    Releases releasesA;

    @Autowired
    ReleaseBuilder builder;

    @Autowired
    RecordWriter writer;

    @Autowired
    MongoTemplate mongo;

    /** Instance B: it saw no release of the year, as it would have when it started together with A. */
    private Releases startedTogether() {
        return new Releases(builder, new ReleaseStore(mongo) {
            @Override
            long generation() {
                return 0;
            }

            @Override
            Map<Integer, Release> latest(String subject) {
                return Map.of();
            }
        });
    }

    private void persons(int year, int count) {
        List<Person> persons = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            persons.add(new Person(year + "-RACE" + i, year, null, null, null, null, null, null, null, Gender.FEMALE,
                    null, null, null, null, null, null, null, null, null, null));
        }
        writer.upsertAll(Person.class, persons, "test");
    }

    @Test
    void shouldAcceptTheOtherInstancesReleaseWhenItHoldsTheSameCells() {
        persons(1997, 6);
        Releases releasesB = startedTogether();

        Release a = releasesA.publish(ReleaseBuilder.PERSONS, 1997, List.of(), "instance A");
        Release b = releasesB.publish(ReleaseBuilder.PERSONS, 1997, List.of(), "instance B");

        assertThat(b.revision()).isEqualTo(1);
        assertThat(b.publishedBy()).isEqualTo("instance A");
        assertThat(b.published()).isEqualTo(a.published());
        assertThat(releasesA.latest(ReleaseBuilder.PERSONS).get(1997).revision()).isEqualTo(1);
    }

    @Test
    void shouldPublishOtherCellsAsTheNextRevisionOverTheOtherInstancesRelease() {
        persons(1998, 6);
        Releases releasesB = startedTogether();

        Release a = releasesA.publish(ReleaseBuilder.PERSONS, 1998, List.of(), "instance A");
        persons(1998, 12); // B sees six more persons than A did
        Release b = releasesB.publish(ReleaseBuilder.PERSONS, 1998, List.of(), "instance B");

        assertThat(a.total()).isEqualTo(6);
        assertThat(b.revision()).isEqualTo(2);
        assertThat(b.total()).isEqualTo(12);
        Release latest = releasesA.latest(ReleaseBuilder.PERSONS).get(1998);
        assertThat(latest.revision()).isEqualTo(2);
        assertThat(latest.total()).isEqualTo(12);
    }
}
