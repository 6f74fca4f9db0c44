package dk.cmm.stats.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import dk.cmm.stats.ClusterShape;

/**
 * The statistics contract on a sharded cluster: mongo:8.0 behind a mongos ({@code withSharding()}: a config server
 * replica set and a shard replica set), with the record collections sharded as the README's "Sharding" says, before
 * the application starts, so the bundled data is loaded through the mongos and the start-up's shard-key check runs
 * on a real catalog. Skipped without Docker.
 */
@SpringBootTest
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerShardedStatsTests extends StatsContract {

    static final String DATABASE = "cmm";
    static final List<String> RECORDS = List.of("persons", "outreachActivities", "hotlineCalls", "programmes",
            "yearNotes");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0").withSharding();

    @DynamicPropertySource
    static void mongoUri(DynamicPropertyRegistry registry) {
        shardTheRecordCollections();
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl(DATABASE));
    }

    /** As the README says: each record collection on a hashed {@code _id}, created before the first import. */
    private static void shardTheRecordCollections() {
        try (MongoClient client = MongoClients.create(MONGO.getConnectionString())) {
            for (String collection : RECORDS) {
                client.getDatabase("admin").runCommand(new Document("shardCollection", DATABASE + "." + collection)
                        .append("key", new Document("_id", "hashed")));
            }
        }
    }

    @Test
    void shouldRunBehindAMongosWithTheRecordsShardedOnAHashedId() {
        assertThat(ClusterShape.isMongos(mongo)).isTrue();
        Document persons = mongo.getMongoDatabaseFactory().getMongoDatabase("config").getCollection("collections")
                .find(new Document("_id", DATABASE + ".persons")).first();
        assertThat(persons).isNotNull();
        assertThat(persons.get("key", Document.class)).isEqualTo(new Document("_id", "hashed"));
    }
}
