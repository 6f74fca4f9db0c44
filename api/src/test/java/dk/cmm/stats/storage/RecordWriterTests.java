package dk.cmm.stats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import dk.cmm.stats.codebook.CallReason;
import dk.cmm.stats.codebook.CallerType;
import dk.cmm.stats.hotline.HotlineCall;
import dk.cmm.stats.storage.RecordWriter.WriteCounts;

/** Upserts tell new, changed and unchanged records apart by comparing with what is stored, stamps aside. */
@SpringBootTest(properties = { "cmm.data-dir=target/test-data/${random.uuid}", "cmm.bundled-data=NEVER" })
class RecordWriterTests {

    @Autowired
    RecordWriter writer;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    DataVersion dataVersion;

    private static HotlineCall call(String id, CallerType caller) {
        LocalDate date = LocalDate.of(2001, 3, 4);
        return new HotlineCall(id, date, 2001, 3, caller, CallReason.OTHER, null);
    }

    private HotlineCall stored(String id) {
        return mongo.findById(id, HotlineCall.class);
    }

    @Test
    void shouldCountInsertedUpdatedAndUnchangedRecordsAndKeepTheStampOfUnchangedOnes() {
        WriteCounts first = writer.upsertAll(HotlineCall.class,
                List.of(call("2001-001", CallerType.POLICE), call("2001-002", CallerType.NGO)), "anna");
        assertThat(first).isEqualTo(new WriteCounts(2, 0, 0));
        Stamp unchangedStamp = stored("2001-001").changed();
        assertThat(unchangedStamp.by()).isEqualTo("anna");

        WriteCounts second = writer.upsertAll(HotlineCall.class, List.of(call("2001-001", CallerType.POLICE),
                call("2001-002", CallerType.MUNICIPALITY), call("2001-003", CallerType.OTHER)), "bo");

        assertThat(second).isEqualTo(new WriteCounts(1, 1, 1));
        assertThat(stored("2001-001").changed()).isEqualTo(unchangedStamp);
        assertThat(stored("2001-002").changed().by()).isEqualTo("bo");
        assertThat(stored("2001-002").callerType()).isEqualTo(CallerType.MUNICIPALITY);
        assertThat(mongo.count(Query.query(Criteria.where("_id").in("2001-001", "2001-002", "2001-003")),
                HotlineCall.class)).isEqualTo(3);
    }

    @Test
    void shouldWriteNothingWhenNothingChangedButStillMoveTheDataVersionAroundTheAttempt() {
        List<HotlineCall> calls = List.of(call("2001-101", CallerType.POLICE), call("2001-102", CallerType.NGO));
        writer.upsertAll(HotlineCall.class, calls, "anna");
        long version = dataVersion.current();

        assertThat(writer.upsertAll(HotlineCall.class, calls, "bo")).isEqualTo(new WriteCounts(0, 0, 2));
        // bumped before every write attempt (it cannot know beforehand that nothing will change), never repeating
        assertThat(dataVersion.current()).isNotEqualTo(version).isNotZero();
        assertThat(stored("2001-101").changed().by()).isEqualTo("anna");
    }

    @Test
    void shouldPreviewAWriteWithoutWriting() {
        writer.upsertAll(HotlineCall.class, List.of(call("2001-201", CallerType.POLICE)), "anna");

        WriteCounts preview = writer.preview(HotlineCall.class,
                List.of(call("2001-201", CallerType.NGO), call("2001-202", CallerType.NGO)));

        assertThat(preview).isEqualTo(new WriteCounts(1, 1, 0));
        assertThat(stored("2001-201").callerType()).isEqualTo(CallerType.POLICE);
        assertThat(stored("2001-202")).isNull();
    }

    @Test
    void shouldUpsertOneRecordAndReturnItAsStored() {
        HotlineCall first = writer.upsert(call("2001-301", CallerType.POLICE), "anna");
        assertThat(first.changed().by()).isEqualTo("anna");

        assertThat(writer.upsert(call("2001-301", CallerType.POLICE), "bo")).isEqualTo(stored("2001-301"))
                .extracting(HotlineCall::changed).isEqualTo(first.changed());
        assertThat(writer.upsert(call("2001-301", CallerType.NGO), "bo").changed().by()).isEqualTo("bo");
        assertThat(stored("2001-301").callerType()).isEqualTo(CallerType.NGO);
    }

    @Test
    void shouldLookUpMoreRecordsThanOneLookupBatchHolds() {
        int n = RecordWriter.LOOKUP_BATCH * 2 + 7;
        List<HotlineCall> calls = java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> call(String.format("2001-9%04d", i), CallerType.POLICE)).toList();
        assertThat(writer.upsertAll(HotlineCall.class, calls, "anna")).isEqualTo(new WriteCounts(n, 0, 0));
        assertThat(writer.upsertAll(HotlineCall.class, calls, "anna")).isEqualTo(new WriteCounts(0, 0, n));
    }
}
