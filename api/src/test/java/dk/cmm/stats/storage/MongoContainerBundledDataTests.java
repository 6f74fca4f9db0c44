package dk.cmm.stats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import dk.cmm.stats.ClusterShape;

/** The same bundled-data contract against mongo:8.0 as a single-node replica set; skipped where there is no Docker. */
@SpringBootTest
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerBundledDataTests extends BundledDataContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0").withReplicaSet();

    @DynamicPropertySource
    static void mongoUri(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("cmm"));
    }

    @Autowired
    MongoEndpoint endpoint;

    @Test
    void shouldRunOnTheConfiguredServerAndStartNothing() {
        assertThat(endpoint.isEmbedded()).isFalse();
    }

    @Test
    void shouldRunOnAReplicaSet() {
        assertThat(ClusterShape.replicaSetName(mongo)).isEqualTo("docker-rs");
    }
}
