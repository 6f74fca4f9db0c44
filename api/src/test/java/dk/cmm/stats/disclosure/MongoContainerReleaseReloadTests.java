package dk.cmm.stats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

import dk.cmm.stats.ReplicaSetMongo;

/**
 * The releases' reload on mongo:8.0 as a replica set, and mongod's own word that it reads the revisions from the
 * index alone: {@code explain} of the reload's first read examines no document. Skipped without Docker.
 */
@SpringBootTest(properties = "cmm.bundled-data=NEVER")
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerReleaseReloadTests extends ReleaseReloadContract {

    @DynamicPropertySource
    static void mongoUri(DynamicPropertyRegistry registry) {
        ReplicaSetMongo.register(registry, "release-reload");
    }

    @Test
    void shouldRunOnAReplicaSet() {
        ReplicaSetMongo.assertReplicaSet(mongo);
    }

    @Test
    void shouldReadTheRevisionsFromTheIndexAlone() {
        persons(1992, 6);
        releases.publish(ReleaseBuilder.PERSONS, 1992, List.of(), "test");
        releases.publishOutreach(1992, Map.of("PROGRAMME", List.of()));

        assertCovered(ReleaseStore.COLLECTION, new Document("subject", ReleaseBuilder.PERSONS));
        assertCovered(ReleaseStore.OUTREACH_COLLECTION, new Document());
    }

    private void assertCovered(String collection, Document filter) {
        Document explain = mongo.getDb().runCommand(new Document("explain", new Document("find", collection)
                .append("filter", filter).append("projection", ReleaseStore.REVISION_FIELDS)
                .append("sort", ReleaseStore.REVISION_ORDER)).append("verbosity", "executionStats"));
        Document stats = explain.get("executionStats", Document.class);
        assertThat(stats.get("nReturned", Number.class).intValue()).as(collection).isPositive();
        assertThat(stats.get("totalDocsExamined", Number.class).intValue()).as(explain.toJson()).isZero();
    }
}
