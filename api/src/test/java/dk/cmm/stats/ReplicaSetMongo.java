package dk.cmm.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * One mongo:8.0 single-node replica set for the container test classes that use it, started on first use and
 * stopped with the JVM (Testcontainers' singleton container): each class names a database of its own, so they share
 * the server and nothing else. A class using it is annotated {@code @Testcontainers(disabledWithoutDocker = true)},
 * so it is skipped where Docker is missing, and registers the URI from its {@code @DynamicPropertySource}.
 */
public final class ReplicaSetMongo {

    private static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0").withReplicaSet();

    private ReplicaSetMongo() {
    }

    /** Starts the server if it is not running, and points {@code spring.mongodb.uri} at a database of it. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        if (!MONGO.isRunning()) {
            MONGO.start();
        }
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl(database));
    }

    /** Asserts that the application talks to the replica set (Testcontainers names it {@code docker-rs}). */
    public static void assertReplicaSet(MongoTemplate mongo) {
        assertThat(ClusterShape.replicaSetName(mongo)).isEqualTo("docker-rs");
    }
}
