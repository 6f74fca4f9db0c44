package dk.cmm.stats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import dk.cmm.stats.codebook.Gender;
import dk.cmm.stats.person.Person;
import dk.cmm.stats.storage.DataVersion;
import dk.cmm.stats.storage.RecordWriter;

/**
 * How the releases are reloaded (issue 23, risk 7): every instance reads one counter in {@code meta} each second
 * instead of counting the releases, reloads when it moved, and then reads only the newest revision of each year in
 * full. Subclasses run it on the embedded server and on mongod.
 */
abstract class ReleaseReloadContract {

    @Autowired
    Releases releases;

    @Autowired
    ReleaseStore store;

    @Autowired
    RecordWriter writer;

    @Autowired
    MongoTemplate mongo;

    void persons(int year, int count) {
        List<Person> persons = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            persons.add(new Person(year + "-RELOAD" + i, year, null, null, null, null, null, null, null,
                    Gender.FEMALE, null, null, null, null, null, null, null, null, null, null));
        }
        writer.upsertAll(Person.class, persons, "test");
    }

    @Test
    void shouldMoveTheCounterOnceForEachStoredRelease() {
        persons(1993, 6);
        long before = store.generation();

        releases.publish(ReleaseBuilder.PERSONS, 1993, List.of(), "test");
        assertThat(store.generation()).isEqualTo(before + 1);
        assertThat(store.anyPublished()).isTrue();
        releases.publish(ReleaseBuilder.PERSONS, 1993, List.of(), "test"); // nothing changed: nothing stored
        assertThat(store.generation()).isEqualTo(before + 1);
        persons(1993, 12);
        assertThat(releases.publish(ReleaseBuilder.PERSONS, 1993, List.of(), "test").revision()).isEqualTo(2);
        assertThat(store.generation()).isEqualTo(before + 2);
        Document counter = mongo.getCollection(DataVersion.COLLECTION)
                .find(new Document("_id", ReleaseStore.GENERATION_ID)).first();
        assertThat(((Number) counter.get("n")).longValue()).isEqualTo(before + 2);
    }

    /**
     * A revision stored by another instance is seen once the counter moves, not before; and the reload reads in
     * full only the newest revision of a year: an older one that could not even be decoded is never read.
     */
    @Test
    void shouldReloadWhenTheCounterMovesAndReadOnlyTheNewestRevisionsInFull() throws Exception {
        persons(1994, 6);
        Release first = releases.publish(ReleaseBuilder.PERSONS, 1994, List.of(), "test");
        assertThat(releases.latest(ReleaseBuilder.PERSONS).get(1994).revision()).isEqualTo(first.revision());
        var collection = mongo.getCollection(ReleaseStore.COLLECTION);
        Document stored = collection.find(new Document("_id", "PERSONS:1994:" + first.revision())).first();
        Document newer = new Document(stored).append("_id", "PERSONS:1994:9").append("revision", 9)
                .append("publishedBy", "another instance");
        Document unreadable = new Document("_id", "PERSONS:1994:0").append("subject", "PERSONS").append("year", 1994)
                .append("revision", 0).append("cells", "not a list of cells");
        try {
            collection.insertMany(List.of(newer, unreadable)); // past the store: the counter does not move
            Thread.sleep(1_100);
            assertThat(releases.latest(ReleaseBuilder.PERSONS).get(1994).revision()).isEqualTo(first.revision());

            mongo.getCollection(DataVersion.COLLECTION).updateOne(new Document("_id", ReleaseStore.GENERATION_ID),
                    new Document("$inc", new Document("n", 1L)), new com.mongodb.client.model.UpdateOptions()
                            .upsert(true)); // as that instance's store does after its insert
            Thread.sleep(1_100);
            Release latest = releases.latest(ReleaseBuilder.PERSONS).get(1994);
            assertThat(latest.revision()).isEqualTo(9);
            assertThat(latest.publishedBy()).isEqualTo("another instance");
            assertThat(latest.published().equals(first.published())).isTrue();
        } finally {
            collection.deleteMany(new Document("_id", new Document("$in", List.of("PERSONS:1994:9",
                    "PERSONS:1994:0"))));
        }
    }
}
