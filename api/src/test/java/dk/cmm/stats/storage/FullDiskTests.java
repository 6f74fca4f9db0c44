package dk.cmm.stats.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * A full disk, on a small tmpfs: the write that meets it fails, and from then on the store is a failed state, not a
 * zombie: every command, reads included, is refused with a message naming the cause and saying that a restart is
 * needed. Once space is free again, a restart finds every acknowledged write. Skipped, saying why, where this
 * process cannot mount a tmpfs (it needs root with CAP_SYS_ADMIN, as in this project's container).
 */
class FullDiskTests {

    @TempDir
    Path mountPoint;

    private boolean mounted;

    @BeforeEach
    void mountSmallTmpfs() throws Exception {
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", mountPoint.toString())
                .redirectErrorStream(true).start();
        boolean done = mount.waitFor(20, TimeUnit.SECONDS);
        String output = new String(mount.getInputStream().readAllBytes());
        Assumptions.assumeTrue(done && mount.exitValue() == 0,
                "skipped: cannot mount a 6 MB tmpfs here (needs root with CAP_SYS_ADMIN): " + output.trim());
        mounted = true;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            new ProcessBuilder("umount", "-l", mountPoint.toString()).start().waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldRefuseEveryCommandInWordsAfterTheDiskFilledAndKeepEveryAcknowledgedWriteForTheRestart()
            throws Exception {
        Path dataDir = mountPoint.resolve("data");
        Path ballast = mountPoint.resolve("ballast");
        Files.write(ballast, new byte[1024 * 1024]); // freed later: "space comes back"
        List<Integer> acknowledged = new ArrayList<>();
        MongoException failure = null;
        try (EmbeddedMongo embedded = EmbeddedMongo.open(dataDir, 0, 16);
                MongoClient client = MongoClients.create(embedded.connectionString())) {
            MongoCollection<Document> records = client.getDatabase("cmm").getCollection("fullDisk");
            for (int i = 0; i < 100_000 && failure == null; i++) {
                try {
                    records.insertOne(new Document("_id", i).append("padding", "x".repeat(4000)));
                    acknowledged.add(i);
                } catch (MongoException e) {
                    failure = e;
                }
            }
            assertThat(failure).as("the disk filled up").isNotNull();
            assertThat(failure.getMessage()).contains("No space left on device").contains("restarted");
            assertThat(embedded.state()).hasValueSatisfying(state -> assertThat(state.failed()).isTrue());

            // not a zombie: every later command is refused at once, reads included, with the same words
            assertThatThrownBy(() -> records.find(new Document("_id", 0)).first())
                    .isInstanceOf(MongoException.class).hasMessageContaining("No space left on device")
                    .hasMessageContaining("free space (or fix the disk), then restart it");
            assertThatThrownBy(() -> records.insertOne(new Document("_id", -1)))
                    .isInstanceOf(MongoException.class).hasMessageContaining("No space left on device");
        }
        Files.delete(ballast);

        try (EmbeddedMongo restarted = EmbeddedMongo.open(dataDir, 0, 16);
                MongoClient client = MongoClients.create(restarted.connectionString())) {
            MongoCollection<Document> records = client.getDatabase("cmm").getCollection("fullDisk");
            assertThat(acknowledged).isNotEmpty();
            List<Integer> found = new ArrayList<>();
            records.find().forEach(d -> found.add(d.getInteger("_id")));
            assertThat(found).as("every acknowledged write survives").containsAll(acknowledged);
            assertThat(found.size()).as("at most the refused write besides").isLessThanOrEqualTo(acknowledged.size() + 1);
        }
    }
}
