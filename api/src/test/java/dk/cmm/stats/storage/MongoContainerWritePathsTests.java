package dk.cmm.stats.storage;

import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import dk.cmm.stats.ClusterShape;

/**
 * {@link WritePathsContract} on a real MongoDB: mongo:8.0 as a single-node replica set
 * ({@code withReplicaSet()}: without it Testcontainers starts a standalone server), so {@code w=majority} and primary reads are the real thing. Skipped without Docker.
 */
@SpringBootTest(properties = "cmm.bundled-data=NEVER")
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerWritePathsTests extends WritePathsContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0").withReplicaSet();

    @DynamicPropertySource
    static void mongoUri(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("cmm"));
    }

    @Test
    void shouldRunOnAReplicaSet() {
        assertThat(ClusterShape.replicaSetName(mongo)).isEqualTo("docker-rs");
    }
}
