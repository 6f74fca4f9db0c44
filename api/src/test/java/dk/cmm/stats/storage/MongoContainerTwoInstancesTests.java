package dk.cmm.stats.storage;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Two application instances started at the same moment on an empty database of mongo:8.0 as a replica set (issue
 * 23, failure 3): both load the bundled data, both may publish revision 1 of a year, and both come up answering
 * the same public numbers. Skipped without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerTwoInstancesTests {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0").withReplicaSet();

    @Test
    void shouldBringBothUpWhenStartedTogetherOnAnEmptyDatabase() throws Exception {
        List<ConfigurableApplicationContext> contexts = new ArrayList<>();
        try {
            TwoInstancesAtOnceTests.startTogether(contexts, "--spring.mongodb.uri=" + MONGO.getReplicaSetUrl("two"));
            TwoInstancesAtOnceTests.assertSamePublicAnswers(contexts);
        } finally {
            contexts.forEach(ConfigurableApplicationContext::close);
        }
    }
}
