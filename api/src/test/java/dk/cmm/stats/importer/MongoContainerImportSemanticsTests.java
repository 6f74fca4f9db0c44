package dk.cmm.stats.importer;

import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import dk.cmm.stats.ClusterShape;

/** {@link ImportSemanticsContract} on mongo:8.0 as a single-node replica set; skipped without Docker. */
@SpringBootTest(properties = "cmm.bundled-data=NEVER")
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerImportSemanticsTests extends ImportSemanticsContract {

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
