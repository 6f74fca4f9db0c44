package dk.cmm.stats.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** The embedded default keeps acknowledged writes across restarts and kills, and shares a data folder safely. */
class EmbeddedMongoPersistenceTests {

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepDataAcrossARestartOnTheSameFile() {
        try (EmbeddedMongo first = EmbeddedMongo.open(dataDir, 0);
                MongoClient client = MongoClients.create(first.connectionString())) {
            client.getDatabase("cmm").getCollection("persons").insertOne(new Document("_id", "2012-001")
                    .append("assessmentYear", 2012));
        }
        try (EmbeddedMongo second = EmbeddedMongo.open(dataDir, 0);
                MongoClient client = MongoClients.create(second.connectionString())) {
            Document stored = client.getDatabase("cmm").getCollection("persons")
                    .find(new Document("_id", "2012-001")).first();
            assertThat(stored).isNotNull();
            assertThat(stored.getInteger("assessmentYear")).isEqualTo(2012);
        }
    }

    @Test
    void shouldKeepAcknowledgedWritesWhenTheProcessIsKilled() throws Exception {
        int count = 25;
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedWriterChild.class.getName(),
                dataDir.toString(), Integer.toString(count))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("WRITTEN")) {
                // skip the child's log lines
            }
            assertThat(line).isEqualTo("WRITTEN " + count);
            child.destroyForcibly(); // SIGKILL right after the last acknowledged write: no shutdown hook runs
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        try (EmbeddedMongo reopened = EmbeddedMongo.open(dataDir, 0);
                MongoClient client = MongoClients.create(reopened.connectionString())) {
            assertThat(reopened.ownsServer()).as("the killed process's lock is gone").isTrue();
            assertThat(client.getDatabase("cmm").getCollection("killTest").countDocuments()).isEqualTo(count);
        }
    }

    @Test
    void shouldConnectToTheOwnerWhenTheDataFolderIsInUse() {
        try (EmbeddedMongo owner = EmbeddedMongo.open(dataDir, 0);
                MongoClient ownerClient = MongoClients.create(owner.connectionString())) {
            ownerClient.getDatabase("cmm").getCollection("shared").insertOne(new Document("_id", 1));
            try (EmbeddedMongo guest = EmbeddedMongo.open(dataDir, 0);
                    MongoClient guestClient = MongoClients.create(guest.connectionString())) {
                assertThat(guest.ownsServer()).isFalse();
                assertThat(guest.connectionString()).startsWith(owner.connectionString());
                assertThat(guestClient.getDatabase("cmm").getCollection("shared").countDocuments()).isEqualTo(1);
            }
            // the guest closing must not stop the owner's server
            assertThat(ownerClient.getDatabase("cmm").getCollection("shared").countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void shouldLetAGuestFailFastWhileTheOwnerIsDownAndReconnectWhenItRestartsOnTheSamePort() {
        EmbeddedMongo owner = EmbeddedMongo.open(dataDir, 0);
        String ownerUri = owner.connectionString();
        try (EmbeddedMongo guest = EmbeddedMongo.open(dataDir, 0);
                MongoClient guestClient = MongoClients.create(guest.connectionString())) {
            guestClient.getDatabase("cmm").getCollection("shared").insertOne(new Document("_id", 1));
            owner.close();

            // the first request may fail on its pooled connection; the next waits for a server, briefly
            for (int attempt = 0; attempt < 2; attempt++) {
                long started = System.nanoTime();
                assertThatThrownBy(() -> guestClient.getDatabase("cmm").getCollection("shared").countDocuments())
                    .isInstanceOf(com.mongodb.MongoException.class)
                    .satisfies(e -> assertThat(EmbeddedMongo.describeUnreachable(e)).hasValueSatisfying(
                            m -> assertThat(m).startsWith("the embedded server owning " + dataDir.toAbsolutePath()
                                    + " is not running")));
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("fails fast, not in 30 s")
                    .isLessThan(10_000);
            }

            owner = EmbeddedMongo.open(dataDir, 0);
            assertThat(owner.ownsServer()).isTrue();
            assertThat(owner.connectionString()).as("the restarted owner takes its old port").isEqualTo(ownerUri);
            assertThat(guestClient.getDatabase("cmm").getCollection("shared").countDocuments())
                    .as("the guest reconnects by itself").isEqualTo(1);
        } finally {
            owner.close();
        }
    }

    @Test
    void shouldRepairAGhostRecordLeftByAnOlderVersionWhenTheStoreIsOpened() {
        try (EmbeddedMongo first = EmbeddedMongo.open(dataDir, 0, 64);
                MongoClient client = MongoClients.create(first.connectionString())) {
            for (int i = 0; i < 10; i++) {
                client.getDatabase("cmm").getCollection("persons").insertOne(new Document("_id", "2013-I0" + i));
            }
        }
        // what a commit that split an insert left behind: the document stored, its _id index entry not
        org.h2.mvstore.MVStore raw = new org.h2.mvstore.MVStore.Builder()
                .fileName(dataDir.resolve(EmbeddedMongo.STORE_FILE).toString()).autoCommitDisabled().open();
        org.h2.mvstore.MVMap<Object, Object> index = raw.openMap("cmm.persons._index__id_");
        Object ghostEntry = index.keySet().stream().filter(k -> index.get(k).equals("2013-I07")).findFirst()
                .orElseThrow();
        index.remove(ghostEntry);
        raw.commit();
        raw.close();

        try (EmbeddedMongo reopened = EmbeddedMongo.open(dataDir, 0, 64);
                MongoClient client = MongoClients.create(reopened.connectionString())) {
            var persons = client.getDatabase("cmm").getCollection("persons");
            assertThat(persons.find(new Document("_id", "2013-I07")).first()).as("found by _id again").isNotNull();
            assertThatThrownBy(() -> persons.insertOne(new Document("_id", "2013-I07")))
                    .isInstanceOfSatisfying(com.mongodb.MongoWriteException.class,
                            e -> assertThat(e.getCode()).as("an ordinary duplicate key").isEqualTo(11000));
            assertThat(persons.countDocuments()).isEqualTo(10);
        }
    }

    @Test
    void shouldExplainWhenTheFolderIsLockedButItsServerIsGone() throws Exception {
        try (EmbeddedMongo owner = EmbeddedMongo.open(dataDir, 0)) {
            Files.writeString(dataDir.resolve(EmbeddedMongo.PORT_FILE), "1");
            assertThatThrownBy(() -> EmbeddedMongo.open(dataDir, 0, 64, Duration.ofSeconds(1)))
                    .isInstanceOf(EmbeddedMongo.DataFolderInUseException.class)
                    .hasMessageContaining("locked by another cmm-stats process")
                    .hasMessageContaining("does not answer after waiting 1 s");
        }
    }

    /**
     * Two processes started at the same moment on a fresh folder: one holds the lock and is still opening its file
     * (no port file yet) when the other looks. The other waits for the port and joins, as one started later does.
     */
    @Test
    void shouldWaitForAnOwnerThatIsStillStartingAndJoinIt() throws Exception {
        try (FileChannel channel = FileChannel.open(dataDir.resolve(EmbeddedMongo.LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock starting = channel.lock()) {
            CompletableFuture<EmbeddedMongo> second = CompletableFuture.supplyAsync(() -> EmbeddedMongo.open(dataDir, 0));
            Thread.sleep(1000); // the owner opens and checks its file meanwhile
            assertThat(second).as("waits, not fails").isNotDone();

            MongoServer ownersServer = new MongoServer(new MemoryBackend());
            try {
                int port = ownersServer.bind().getPort();
                Files.writeString(dataDir.resolve(EmbeddedMongo.PORT_FILE), Integer.toString(port));
                try (EmbeddedMongo guest = second.get(10, TimeUnit.SECONDS)) {
                    assertThat(guest.ownsServer()).isFalse();
                    assertThat(guest.connectionString()).startsWith("mongodb://127.0.0.1:" + port + "/");
                }
            } finally {
                ownersServer.shutdownNow();
            }
        }
    }
}
