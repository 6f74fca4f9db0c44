package dk.cmm.stats.stats;

import org.springframework.boot.test.context.SpringBootTest;

/** The statistics contract on the embedded default (mongo-java-server) with the bundled data. */
@SpringBootTest(properties = "cmm.data-dir=target/test-data/${random.uuid}")
class EmbeddedStatsTests extends StatsContract {
}
