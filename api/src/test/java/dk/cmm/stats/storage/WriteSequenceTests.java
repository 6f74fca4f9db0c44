package dk.cmm.stats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * The embedded server counts the writes it applies (the result cache's data version when the server runs in the
 * same process): every write to the watched collections moves it, no read and no write elsewhere does, and a
 * process using another's server has none.
 */
class WriteSequenceTests {

    @TempDir
    Path dataDir;

    @Test
    void shouldCountEveryWriteButNoRead() {
        try (EmbeddedMongo embedded = EmbeddedMongo.open(dataDir, 0, 64);
                MongoClient client = MongoClients.create(embedded.connectionString())) {
            assertCounts(embedded, client);
        }
    }

    @Test
    void shouldCountInMemoryToo() {
        try (EmbeddedMongo embedded = EmbeddedMongo.inMemory();
                MongoClient client = MongoClients.create(embedded.connectionString())) {
            assertCounts(embedded, client);
        }
    }

    @Test
    void shouldHaveNoSequenceWhenUsingAnotherProcesssServer() {
        try (EmbeddedMongo owner = EmbeddedMongo.open(dataDir, 0);
                EmbeddedMongo guest = EmbeddedMongo.open(dataDir, 0)) {
            assertThat(owner.writeSequence(List.of("counted"))).isNotNull();
            assertThat(guest.writeSequence(List.of("counted"))).isNull();
        }
    }

    private static void assertCounts(EmbeddedMongo embedded, MongoClient client) {
        MongoCollection<Document> c = client.getDatabase("cmm").getCollection("counted");
        java.util.function.LongSupplier sequence = embedded.writeSequence(List.of("counted", "alsoCounted"));
        long start = sequence.getAsLong();
        c.insertOne(new Document("_id", 1));
        long afterInsert = sequence.getAsLong();
        assertThat(afterInsert).isGreaterThan(start);
        c.find().first();
        c.countDocuments();
        c.aggregate(List.of(new Document("$match", new Document()))).first();
        assertThat(sequence.getAsLong()).isEqualTo(afterInsert);
        c.updateOne(Filters.eq("_id", 1), Updates.set("x", 1));
        long afterUpdate = sequence.getAsLong();
        assertThat(afterUpdate).isGreaterThan(afterInsert);
        client.getDatabase("cmm").getCollection("notWatched").insertOne(new Document("_id", 1));
        assertThat(sequence.getAsLong()).as("a write elsewhere").isEqualTo(afterUpdate);
        c.deleteOne(Filters.eq("_id", 1));
        long afterDelete = sequence.getAsLong();
        assertThat(afterDelete).isGreaterThan(afterUpdate);
        client.getDatabase("cmm").getCollection("alsoCounted").insertOne(new Document("_id", 1));
        assertThat(sequence.getAsLong()).isGreaterThan(afterDelete);
        long beforeDrop = sequence.getAsLong();
        client.getDatabase("cmm").drop();
        assertThat(sequence.getAsLong()).as("dropping the database").isGreaterThan(beforeDrop);
    }
}
