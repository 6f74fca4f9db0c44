package dk.cmm.stats.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import dk.cmm.stats.codebook.CallReason;
import dk.cmm.stats.codebook.CallerType;
import dk.cmm.stats.codebook.Gender;
import dk.cmm.stats.hotline.HotlineCall;
import dk.cmm.stats.person.Person;
import dk.cmm.stats.person.PersonService;
import dk.cmm.stats.storage.RecordWriter.WriteCounts;
import dk.cmm.stats.validation.ValidationException;

/**
 * The write paths of issues 10 and 15, run on the embedded server and (subclass) on a real MongoDB: the data
 * version never repeats and moves around every write; a duplicate on another unique index than {@code _id} is a
 * refusal naming the record's key and the index, never its values, and not "stored already"; the indexes of the
 * token hash (unique) and of the audit log exist; {@code createPerson} is safe to retry.
 */
abstract class WritePathsContract {

    @Autowired
    RecordWriter writer;

    @Autowired
    DataVersion dataVersion;

    @Autowired
    PersonService persons;

    @Autowired
    MongoTemplate mongo;

    private static HotlineCall call(String id, CallerType caller, int month) {
        return new HotlineCall(id, LocalDate.of(2003, month, 4), 2003, month, caller, CallReason.OTHER, null);
    }

    private static Person person(String caseRef, Gender gender) {
        return new Person(caseRef, 2003, null, null, null, null, null, null, null, gender, null, null, null, null, null,
                null, null, null, null, null);
    }

    /**
     * A writer killed in the middle of a chunk never ends its write (issue 23, risk 8): while its mark stands, every
     * read of the version is a value of its own, so no answer computed meanwhile is found again under a version
     * that stays; ended, the version is stable again and new.
     */
    @Test
    void shouldGiveNoReusableVersionWhileAWriteIsUnderWay() {
        long before = dataVersion.current();
        assertThat(dataVersion.current()).as("stable while nothing is written").isEqualTo(before);
        String write = dataVersion.beginWrite();
        try {
            long first = dataVersion.current();
            long second = dataVersion.current();
            assertThat(first).isNotEqualTo(second).isNotEqualTo(before);
        } finally {
            dataVersion.endWrite(write, true);
        }
        long after = dataVersion.current();
        assertThat(dataVersion.current()).isEqualTo(after);
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void shouldGiveEveryWriteANewDataVersionThatNeverRepeats() {
        long before = dataVersion.current();
        writer.upsertAll(HotlineCall.class, List.of(call("2003-W01", CallerType.POLICE, 1)), "anna");
        long after = dataVersion.current();
        writer.upsertAll(HotlineCall.class, List.of(call("2003-W01", CallerType.NGO, 1)), "anna");

        assertThat(after).isNotEqualTo(before);
        assertThat(dataVersion.current()).isNotEqualTo(after).isNotEqualTo(before);
        Document stored = mongo.getCollection(DataVersion.COLLECTION).find(new Document("_id", DataVersion.ID)).first();
        assertThat(stored.get("versionId")).isInstanceOf(org.bson.types.ObjectId.class);
    }

    @Test
    void shouldRefuseADuplicateOnAnotherUniqueIndexByKeyAndIndexWithoutItsValues() {
        // the calls other tests of this class wrote could themselves break the index: start from none
        mongo.getCollection(HotlineCall.COLLECTION).deleteMany(new Document());
        mongo.getCollection(HotlineCall.COLLECTION).createIndex(Indexes.ascending("month", "callerType"),
                new IndexOptions().unique(true).sparse(true).name("contract_unique"));
        try {
            writer.upsertAll(HotlineCall.class, List.of(call("2003-W10", CallerType.MUNICIPALITY, 11)), "anna");
            assertThatThrownBy(() -> writer.upsertAll(HotlineCall.class,
                    List.of(call("2003-W11", CallerType.MUNICIPALITY, 11)), "anna"))
                    .isInstanceOfSatisfying(RecordWriteException.class, e -> {
                        assertThat(e.key()).isEqualTo("2003-W11");
                        assertThat(e.getMessage()).contains("contract_unique").doesNotContain("MUNICIPALITY")
                                .doesNotContain("dup key");
                    });
            assertThat(mongo.findById("2003-W11", HotlineCall.class)).as("not taken for stored").isNull();
        } finally {
            mongo.getCollection(HotlineCall.COLLECTION).dropIndex("contract_unique");
        }
    }

    @Test
    void shouldCreateTheTokenHashAndAuditLogIndexes() {
        List<Document> tokenIndexes = mongo.getCollection("apiTokens").listIndexes().into(new java.util.ArrayList<>());
        assertThat(tokenIndexes).anySatisfy(index -> {
            assertThat(index.get("key", Document.class)).containsKey("hash");
            assertThat(index.getBoolean("unique")).isTrue();
        });
        assertThat(mongo.getCollection("auditLog").listIndexes().into(new java.util.ArrayList<>()))
                .anySatisfy(index -> assertThat(index.get("key", Document.class)).containsKey("at"));
    }

    @Test
    void shouldIndexTheReleasesInTheOrderTheyAreReloaded() {
        assertThat(mongo.getCollection("releases").listIndexes().into(new java.util.ArrayList<>()))
                .anySatisfy(index -> assertThat(index.get("key", Document.class).keySet())
                        .containsExactly("subject", "year", "revision"));
        assertThat(mongo.getCollection("outreachReleases").listIndexes().into(new java.util.ArrayList<>()))
                .anySatisfy(index -> assertThat(index.get("key", Document.class).keySet())
                        .containsExactly("year", "revision"));
    }

    @Test
    void shouldAnswerARetriedCreateWithTheStoredRecordAndRefuseADifferentOne() {
        Person person = person("2003-W20", Gender.FEMALE);
        Person first = persons.create(person, "anna");
        Person retried = persons.create(person, "anna");

        assertThat(retried.changed()).isEqualTo(first.changed());
        assertThatThrownBy(() -> persons.create(person("2003-W20", Gender.MALE), "bo"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("exists already");
        assertThat(mongo.getCollection(Person.COLLECTION).countDocuments(new Document("_id", "2003-W20")))
                .isEqualTo(1);
    }

    @Test
    void shouldNotCountABulkWriteAsInsertedWhenTheServerRefusedIt() {
        WriteCounts counts = writer.upsertAll(HotlineCall.class, List.of(call("2003-W30", CallerType.POLICE, 2),
                call("2003-W31", CallerType.POLICE, 3)), "anna");
        assertThat(counts).isEqualTo(new WriteCounts(2, 0, 0));
        assertThat(mongo.getCollection(HotlineCall.COLLECTION).countDocuments(
                new Document("_id", new Document("$in", List.of("2003-W30", "2003-W31"))))).isEqualTo(2);
    }
}
