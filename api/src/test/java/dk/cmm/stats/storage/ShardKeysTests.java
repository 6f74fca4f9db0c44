package dk.cmm.stats.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoCommandException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoDatabase;

/**
 * The shard-key check as a user with {@code readWrite} on our database alone meets it (issue 23, failure 2): the
 * replies are the ones mongos 8.0 documents, so the check's decisions are tested here and its queries on a real
 * cluster by {@code MongoContainerShardedStatsTests}.
 */
class ShardKeysTests {

    private final MongoDatabase cmm = mock(MongoDatabase.class);
    private final MongoDatabase config = mock(MongoDatabase.class);

    ShardKeysTests() {
        when(cmm.getName()).thenReturn("cmm");
    }

    private static Document batch(Document... entries) {
        return new Document("cursor", new Document("firstBatch", List.of(entries))).append("ok", 1.0);
    }

    private static MongoCommandException error(int code, String message) {
        return new MongoCommandException(new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(code))
                .append("errmsg", new BsonString(message)), new ServerAddress("mongos", 27017));
    }

    @Test
    void shouldAcceptRecordsShardedOnIdFromTheCatalogWithoutReadingConfig() {
        when(cmm.runCommand(any(Bson.class))).thenReturn(batch(
                new Document("ns", "cmm.persons").append("sharded", true).append("shardKey", new Document("_id", "hashed")),
                new Document("ns", "cmm.hotlineCalls").append("sharded", false)));
        assertThatCode(() -> ShardKeys.check(cmm, config, IndexInitializer.RECORDS)).doesNotThrowAnyException();
        verify(config, never()).runCommand(any(Bson.class));
    }

    @Test
    void shouldRefuseACollectionShardedOnAnotherKeyNamingIt() {
        when(cmm.runCommand(any(Bson.class))).thenReturn(batch(new Document("ns", "cmm.persons").append("sharded", true)
                .append("shardKey", new Document("assessmentYear", 1))));
        assertThatThrownBy(() -> ShardKeys.check(cmm, config, IndexInitializer.RECORDS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cmm.persons is sharded on {\"assessmentYear\": 1}")
                .hasMessageContaining("{ _id: \"hashed\" }");
    }

    @Test
    void shouldReadConfigOnlyWhereTheCatalogStageIsUnknown() {
        when(cmm.runCommand(any(Bson.class)))
                .thenThrow(error(40324, "Unrecognized pipeline stage name: '$listClusterCatalog'"));
        when(config.runCommand(any(Bson.class))).thenReturn(batch(
                new Document("_id", "cmm.persons").append("key", new Document("_id", "hashed")),
                new Document("_id", "cmm.yearNotes").append("key", new Document("year", 1)).append("unsplittable", true),
                new Document("_id", "cmm.hotlineCalls").append("key", new Document("year", 1))));
        assertThat(ShardKeys.read(cmm, config, IndexInitializer.RECORDS))
                .containsOnlyKeys("persons", "hotlineCalls");
        assertThatThrownBy(() -> ShardKeys.check(cmm, config, IndexInitializer.RECORDS))
                .hasMessageContaining("cmm.hotlineCalls is sharded on {\"year\": 1}");
    }

    @Test
    void shouldRefuseAReadWriteUserOnAnOldMongosWithTheRoleToGrantNotTheServersUnauthorized() {
        when(cmm.runCommand(any(Bson.class)))
                .thenThrow(error(40324, "Unrecognized pipeline stage name: '$listClusterCatalog'"));
        when(config.runCommand(any(Bson.class)))
                .thenThrow(error(ShardKeys.UNAUTHORIZED, "not authorized on config to execute command { find: ... }"));
        assertThatThrownBy(() -> ShardKeys.check(cmm, config, IndexInitializer.RECORDS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MongoDB 8.0.10 or later")
                .hasMessageContaining("{ role: \"read\", db: \"config\" }");
    }
}
