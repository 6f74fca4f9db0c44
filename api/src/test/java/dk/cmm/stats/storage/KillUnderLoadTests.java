package dk.cmm.stats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM writing (bulk and single inserts) under concurrent reads is killed at random moments, three times on
 * one data folder: each time the file reopens with every index agreeing with its collection, every acknowledged
 * write present once, and every stored document found by its {@code _id}. The 50-kill version with its figures is
 * {@code cmm-stats faults --runs 50}.
 */
class KillUnderLoadTests {

    @TempDir
    Path dataDir;

    @Test
    void shouldReopenConsistentWithEveryAcknowledgedWriteAfterKillsUnderConcurrentReadsAndWrites() throws Exception {
        Random random = new Random();
        long acknowledged = 0;
        for (int run = 1; run <= 3; run++) {
            KillTrial.Outcome outcome = KillTrial.run(dataDir, run, 400 + random.nextInt(1600));
            assertThat(outcome.repairedIndexes()).as("indexes disagreeing with their collection").isZero();
            assertThat(outcome.lost()).as("acknowledged writes lost").isZero();
            assertThat(outcome.duplicates()).isZero();
            assertThat(outcome.notFoundById()).as("documents not found by _id").isZero();
            acknowledged += outcome.acknowledged();
        }
        assertThat(acknowledged).as("the children acknowledged writes before being killed").isPositive();
    }
}
