package dk.cmm.stats.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * The default embedded arrangement answers from memory and writes through to the file: after a restart the memory
 * holds exactly what the file holds, every kind of write included, and the file agrees with what clients were told.
 */
class WriteThroughBackendTests {

    @TempDir
    Path dataDir;

    @Test
    void shouldReloadEveryKindOfWriteFromTheFile() {
        Object upsertedId;
        try (EmbeddedMongo first = EmbeddedMongo.open(dataDir, 0);
                MongoClient client = MongoClients.create(first.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("cmm").getCollection("things");
            c.insertMany(List.of(new Document("_id", 1).append("n", 1), new Document("_id", 2).append("n", 2),
                    new Document("_id", 3).append("n", 3)));
            c.updateOne(Filters.eq("_id", 1), Updates.set("n", 10));
            c.replaceOne(Filters.eq("_id", 2), new Document("n", 20));
            c.deleteOne(Filters.eq("_id", 3));
            c.replaceOne(Filters.eq("_id", 4), new Document("n", 40), new ReplaceOptions().upsert(true));
            // an upsert whose query names no _id: the server invents one, and the file must get the same one
            upsertedId = c.updateOne(Filters.eq("name", "x"), Updates.set("n", 50), new UpdateOptions().upsert(true))
                    .getUpsertedId().asObjectId().getValue();
            c.findOneAndUpdate(Filters.eq("_id", 1), Updates.inc("n", 1));
            client.getDatabase("cmm").getCollection("dropped").insertOne(new Document("_id", 1));
            client.getDatabase("cmm").getCollection("dropped").drop();
        }
        try (EmbeddedMongo second = EmbeddedMongo.open(dataDir, 0);
                MongoClient client = MongoClients.create(second.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("cmm").getCollection("things");
            List<Document> all = c.find().sort(Indexes.ascending("n")).into(new ArrayList<>());
            assertThat(all).extracting(d -> d.get("n")).containsExactly(11, 20, 40, 50);
            assertThat(all.get(3).get("_id")).isEqualTo(upsertedId);
            assertThat(client.getDatabase("cmm").listCollectionNames().into(new ArrayList<>()))
                    .doesNotContain("dropped");
        }
    }

    @Test
    void shouldKeepUniqueIndexesAcrossARestart() {
        try (EmbeddedMongo first = EmbeddedMongo.open(dataDir, 0);
                MongoClient client = MongoClients.create(first.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("cmm").getCollection("coded");
            c.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            c.insertOne(new Document("_id", 1).append("code", "A"));
        }
        try (EmbeddedMongo second = EmbeddedMongo.open(dataDir, 0);
                MongoClient client = MongoClients.create(second.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("cmm").getCollection("coded");
            assertThatThrownBy(() -> c.insertOne(new Document("_id", 2).append("code", "A")))
                    .isInstanceOf(MongoWriteException.class);
            assertThat(c.countDocuments()).isEqualTo(1);
        }
        try (EmbeddedMongo third = EmbeddedMongo.open(dataDir, 0);
                MongoClient client = MongoClients.create(third.connectionString())) {
            assertThat(client.getDatabase("cmm").getCollection("coded").countDocuments())
                    .as("the refused insert was refused by the file too").isEqualTo(1);
        }
    }

    @Test
    void shouldCountEveryWriteButNoRead() {
        try (EmbeddedMongo embedded = EmbeddedMongo.open(dataDir, 0);
                MongoClient client = MongoClients.create(embedded.connectionString())) {
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
            assertThat(embedded.writeSequence().getAsLong()).isGreaterThan(afterInsert);
        }
    }

    @Test
    void shouldServeTheFileDirectlyWhenAskedTo() {
        try (EmbeddedMongo first = EmbeddedMongo.open(dataDir, 0, StorageProperties.EmbeddedBackend.H2, 64);
                MongoClient client = MongoClients.create(first.connectionString())) {
            client.getDatabase("cmm").getCollection("direct").insertOne(new Document("_id", 1));
            assertThat(first.writeSequence().getAsLong()).isPositive();
        }
        try (EmbeddedMongo second = EmbeddedMongo.open(dataDir, 0);
                MongoClient client = MongoClients.create(second.connectionString())) {
            assertThat(client.getDatabase("cmm").getCollection("direct").countDocuments()).isEqualTo(1);
        }
    }
}
