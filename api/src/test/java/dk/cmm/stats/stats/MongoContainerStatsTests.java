package dk.cmm.stats.stats;

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
 * The statistics contract on a real MongoDB 8.0 (a single-node replica set): the same pipelines, unchanged, where
 * mongod's semantics differ from the embedded server's leniency. Skipped without Docker.
 */
@SpringBootTest
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerStatsTests extends StatsContract {

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
