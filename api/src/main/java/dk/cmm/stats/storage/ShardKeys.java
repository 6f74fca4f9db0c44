package dk.cmm.stats.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoDatabase;

/**
 * The shard keys of our record collections, read in a way a user with {@code readWrite} on our database alone may.
 * <p>
 * mongod 8.0.10 and later list them with the {@code $listClusterCatalog} stage run against our own database, which
 * needs only the {@code listCollections} action there (part of {@code read}, so of {@code readWrite}). Older
 * servers keep them only in {@code config.collections}, which the manual calls internal; it is read only when the
 * stage is unknown, and a user who may not read it gets a refusal that names the version or the role to grant,
 * never the server's Unauthorized.
 */
final class ShardKeys {

    /** The server's code for a missing privilege. */
    static final int UNAUTHORIZED = 13;

    private ShardKeys() {
    }

    /**
     * Refuses a record collection sharded on anything but {@code _id} (docs/operating.md, "Sharding"): on a sharded cluster
     * {@code _id} is unique only per shard unless it is the shard key, and the record writer takes a duplicate-key
     * refusal of {@code _id} to mean "stored already", so another key would let an import store a second copy of a
     * record on another shard.
     */
    static void check(MongoDatabase database, MongoDatabase config, List<String> collections) {
        Map<String, Document> keys = read(database, config, collections);
        List<String> wrong = new ArrayList<>();
        keys.forEach((collection, key) -> {
            if (!(key.size() == 1 && key.containsKey("_id"))) {
                wrong.add(database.getName() + "." + collection + " is sharded on " + key.toJson());
            }
        });
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("The collection " + String.join(", and ", wrong)
                    + ", but cmm-stats needs _id as the shard key (use { _id: \"hashed\" }): only then is a record's key "
                    + "unique across the shards. See docs/operating.md, \"Sharding\".");
        }
    }

    /** The shard key of each of {@code collections} that is sharded. */
    static Map<String, Document> read(MongoDatabase database, MongoDatabase config, List<String> collections) {
        List<String> namespaces = collections.stream().map(c -> database.getName() + "." + c).toList();
        List<Document> entries;
        try {
            entries = firstBatch(database.runCommand(new Document("aggregate", 1)
                    .append("pipeline", List.of(new Document("$listClusterCatalog", new Document()),
                            new Document("$match", new Document("ns", new Document("$in", namespaces)))))
                    .append("cursor", new Document())));
        } catch (MongoCommandException catalogUnknown) {
            return fromConfig(database.getName(), config, namespaces, catalogUnknown);
        }
        Map<String, Document> keys = new LinkedHashMap<>();
        for (Document entry : entries) {
            if (Boolean.TRUE.equals(entry.getBoolean("sharded")) && entry.get("shardKey") instanceof Document key) {
                keys.put(collectionOf(entry.getString("ns")), key);
            }
        }
        return keys;
    }

    private static Map<String, Document> fromConfig(String databaseName, MongoDatabase config, List<String> namespaces,
            MongoCommandException catalogError) {
        List<Document> entries;
        try {
            entries = firstBatch(config.runCommand(new Document("find", "collections")
                    .append("filter", new Document("_id", new Document("$in", namespaces)))));
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != UNAUTHORIZED) {
                throw e;
            }
            throw new IllegalStateException("cmm-stats checks at start that the record collections of '"
                    + databaseName + "' are sharded on _id, if at all, and this mongos cannot tell a user with "
                    + "readWrite on '" + databaseName + "' alone: it has no $listClusterCatalog ("
                    + catalogError.getErrorMessage() + "), and the user may not read config.collections. Use "
                    + "MongoDB 8.0.10 or later (then readWrite on '" + databaseName + "' is enough), or grant the "
                    + "user the role { role: \"read\", db: \"config\" }.", e);
        }
        Map<String, Document> keys = new LinkedHashMap<>();
        for (Document entry : entries) {
            // a collection that is tracked but not split (8.0's unsplittable) or dropped (before 5.0) is not sharded
            if (!Boolean.TRUE.equals(entry.get("unsplittable")) && !Boolean.TRUE.equals(entry.get("dropped"))
                    && entry.get("key") instanceof Document key) {
                keys.put(collectionOf(entry.getString("_id")), key);
            }
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static List<Document> firstBatch(Document reply) {
        // our few collections fit the first batch (101 documents) many times over
        return (List<Document>) reply.get("cursor", Document.class).get("firstBatch", List.class);
    }

    private static String collectionOf(String namespace) {
        return namespace.substring(namespace.indexOf('.') + 1);
    }
}
