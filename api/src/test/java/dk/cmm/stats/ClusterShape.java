package dk.cmm.stats;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What kind of MongoDB a container test talks to, from the server's own {@code hello}: a replica set member names
 * its set ({@code setName}), a {@code mongos} says {@code msg: "isdbgrid"}. Testcontainers' {@code MongoDBContainer}
 * starts a standalone server unless {@code withReplicaSet()} is called, which no test could tell from the answers.
 */
public final class ClusterShape {

    private ClusterShape() {
    }

    /** The replica set's name, or null on a standalone server or a mongos. */
    public static String replicaSetName(MongoTemplate mongo) {
        return hello(mongo).getString("setName");
    }

    /** Whether the application talks to a mongos (a sharded cluster's router). */
    public static boolean isMongos(MongoTemplate mongo) {
        return "isdbgrid".equals(hello(mongo).getString("msg"));
    }

    private static Document hello(MongoTemplate mongo) {
        return mongo.getDb().runCommand(new Document("hello", 1));
    }
}
