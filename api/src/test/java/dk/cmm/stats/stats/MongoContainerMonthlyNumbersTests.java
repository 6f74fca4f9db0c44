package dk.cmm.stats.stats;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/** The time-zone test on a real MongoDB 8.0 (single-node replica set), one database per zone; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerMonthlyNumbersTests extends MonthlyNumbersTimeZoneTests {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0").withReplicaSet();

    @Test
    @Override
    void shouldGiveTheSameMonthlyNumbersInCopenhagenAndInUtc() throws Exception {
        check(run("Europe/Copenhagen", "--spring.mongodb.uri=" + MONGO.getReplicaSetUrl("tz_cph")),
                run("UTC", "--spring.mongodb.uri=" + MONGO.getReplicaSetUrl("tz_utc")));
    }
}
