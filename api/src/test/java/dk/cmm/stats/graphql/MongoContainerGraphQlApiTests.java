package dk.cmm.stats.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import dk.cmm.stats.ClusterShape;
import dk.cmm.stats.StaffTokens;

/**
 * The same GraphQL API contract against mongo:8.0 as a single-node replica set, the same pipelines unchanged;
 * skipped without Docker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
@Import(StaffTokens.Install.class)
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerGraphQlApiTests extends GraphQlApiContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0").withReplicaSet();

    @DynamicPropertySource
    static void mongoUri(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("cmm"));
    }

    @Autowired
    MongoTemplate mongo;

    @Test
    void shouldRunOnAReplicaSet() {
        assertThat(ClusterShape.replicaSetName(mongo)).isEqualTo("docker-rs");
    }
}
