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
 * same process): every write moves it, no read does, and a process using another's server has none.
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
            assertThat(owner.writeSequence()).isNotNull();
            assertThat(guest.writeSequence()).isNull();
        }
    }

    private static void assertCounts(EmbeddedMongo embedded, MongoClient client) {
        MongoCollection<Document> c = client.getDatabase("cmm").getCollection("counted");
        long start = embedded.writeSequence().getAsLong();
        c.insertOne(new Document("_id", 1));
        long afterInsert = embedded.writeSequence().getAsLong();
        assertThat(afterInsert).isGreaterThan(start);
        c.find().first();
        c.countDocuments();
        c.aggregate(List.of(new Document("$match", new Document()))).first();
        assertThat(embedded.writeSequence().getAsLong()).isEqualTo(afterInsert);
        c.updateOne(Filters.eq("_id", 1), Updates.set("x", 1));
        long afterUpdate = embedded.writeSequence().getAsLong();
        assertThat(afterUpdate).isGreaterThan(afterInsert);
        c.deleteOne(Filters.eq("_id", 1));
        assertThat(embedded.writeSequence().getAsLong()).isGreaterThan(afterUpdate);
    }
}
