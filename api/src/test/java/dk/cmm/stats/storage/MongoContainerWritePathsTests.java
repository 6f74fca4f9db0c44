package dk.cmm.stats.storage;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * {@link WritePathsContract} on a real MongoDB: mongo:8.0 as a single-node replica set (what Testcontainers'
 * MongoDB container starts), so {@code w=majority} and primary reads are the real thing. Skipped without Docker.
 */
@SpringBootTest(properties = "cmm.bundled-data=NEVER")
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerWritePathsTests extends WritePathsContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @DynamicPropertySource
    static void mongoUri(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("cmm"));
    }
}
