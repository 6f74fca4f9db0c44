package dk.cmm.stats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dk.cmm.stats.importer.BundledDataLoader;

/** The bundled-data contract on the embedded default (mongo-java-server with its H2 file). */
@SpringBootTest(properties = "cmm.data-dir=target/test-data/${random.uuid}")
class EmbeddedBundledDataTests extends BundledDataContract {

    @Autowired
    MongoEndpoint endpoint;

    @Autowired
    BundledDataLoader reloader;

    @Test
    void shouldRunOnTheEmbeddedServer() {
        assertThat(endpoint.isEmbedded()).isTrue();
        assertThat(endpoint.embedded().ownsServer()).isTrue();
    }

    @Test
    void shouldNotDuplicateAnythingWhenLoadedTwice() {
        long before = mongo.getCollection("persons").countDocuments();
        reloader.loadBundledData();
        assertThat(mongo.getCollection("persons").countDocuments()).isEqualTo(before);
        assertThat(persons(new Document("assessmentYear", 2012))).isEqualTo(66);
    }
}
