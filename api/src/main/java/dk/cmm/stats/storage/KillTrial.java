package dk.cmm.stats.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.h2.mvstore.MVStore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * One trial of the embedded store under a kill: a child JVM opens the data folder, runs two readers (an aggregation
 * and {@code _id} lookups) against a bulk writer ({@code insertMany} of 200) and a single-document writer, prints
 * every acknowledged write, and is killed with SIGKILL at a random moment after its first acknowledged bulk write. The parent then checks the file as the
 * next owner would open it: no index disagrees with its collection (no "ghost" record), every acknowledged write
 * is there, nothing is there twice, and every stored document is found by its {@code _id}.
 * <p>
 * {@code cmm-stats faults --runs 50} runs it many times and prints the figures; a test runs a few.
 */
public final class KillTrial {

    static final String COLLECTION = "killTrial";
    static final int CHUNK = 200;

    /** What one trial saw. */
    public record Outcome(long killedAfterMs, long acknowledged, long found, long lost, int repairedIndexes,
            long notFoundById, long duplicates) {

        public boolean passed() {
            return lost == 0 && repairedIndexes == 0 && notFoundById == 0 && duplicates == 0;
        }
    }

    private KillTrial() {
    }

    /** Runs one trial in {@code dataDir} (generation {@code run} of its data), killing the child after a while. */
    public static Outcome run(Path dataDir, int run, long killAfterMs) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(childCommand(dataDir, run)).redirectErrorStream(true).start();
        AtomicLong bulkAcked = new AtomicLong(-1);
        AtomicLong singleAcked = new AtomicLong(-1);
        Object ready = new Object();
        boolean[] isReady = { false };
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("BULK ")) {
                        bulkAcked.set(Long.parseLong(line.substring(5)));
                        synchronized (ready) { // writing under load from here: the kill clock starts
                            isReady[0] = true;
                            ready.notifyAll();
                        }
                    } else if (line.startsWith("ONE ")) {
                        singleAcked.set(Long.parseLong(line.substring(4)));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // the child was killed mid-line
            }
        });
        reader.start();
        try {
            synchronized (ready) {
                long deadline = System.currentTimeMillis() + 60_000;
                while (!isReady[0] && System.currentTimeMillis() < deadline && child.isAlive()) {
                    ready.wait(1000);
                }
            }
            if (!isReady[0]) {
                throw new IllegalStateException("the trial's child JVM did not start writing");
            }
            Thread.sleep(killAfterMs);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close of the store
            child.waitFor(30, TimeUnit.SECONDS);
            reader.join(10_000);
        }
        long acknowledged = (bulkAcked.get() + 1) + (singleAcked.get() + 1);
        int repaired = repairsNeeded(dataDir);
        try (EmbeddedMongo reopened = EmbeddedMongo.open(dataDir, 0, 64);
                MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> trial = client.getDatabase(EmbeddedMongo.DATABASE).getCollection(COLLECTION);
            List<String> ids = new ArrayList<>();
            trial.find(Filters.eq("run", run)).projection(Projections.include("_id"))
                    .forEach(d -> ids.add(d.getString("_id")));
            Set<String> distinct = new HashSet<>(ids);
            long lost = 0;
            for (long i = 0; i <= bulkAcked.get(); i++) {
                lost += distinct.contains(bulkId(run, i)) ? 0 : 1;
            }
            for (long i = 0; i <= singleAcked.get(); i++) {
                lost += distinct.contains(singleId(run, i)) ? 0 : 1;
            }
            long notFoundById = 0;
            for (String id : distinct) {
                notFoundById += trial.find(Filters.eq("_id", id)).first() == null ? 1 : 0;
            }
            return new Outcome(killAfterMs, acknowledged, distinct.size(), lost, repaired, notFoundById,
                    ids.size() - distinct.size());
        }
    }

    /** How many indexes the next owner would have to repair (0 when the kill left the file consistent). */
    private static int repairsNeeded(Path dataDir) {
        Path file = dataDir.resolve(EmbeddedMongo.STORE_FILE);
        if (!Files.exists(file)) {
            return 0;
        }
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        try {
            return StoreCheck.repair(store).repaired().size();
        } finally {
            store.close();
        }
    }

    static String bulkId(int run, long i) {
        return run + "-B" + i;
    }

    static String singleId(int run, long i) {
        return run + "-S" + i;
    }

    /** The child's command line: this class's main in a JVM of the same classpath (or the same Boot jar). */
    private static List<String> childCommand(Path dataDir, int run) {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx256m", "-cp", classpath));
        if (classpath.endsWith(".jar") && !classpath.contains(java.io.File.pathSeparator)) {
            // an executable Spring Boot jar: its classes are nested, so its launcher loads them
            command.add("-Dloader.main=" + KillTrial.class.getName());
            command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
        } else {
            command.add(KillTrial.class.getName());
        }
        command.add(dataDir.toString());
        command.add(Integer.toString(run));
        return command;
    }

    /** Only warnings on the console: the trial's own lines are its output (logback, as the application uses). */
    public static void quietLogs() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    /** The child: writes and reads until it is killed. */
    public static void main(String[] args) throws Exception {
        quietLogs();
        Path dataDir = Path.of(args[0]);
        int run = Integer.parseInt(args[1]);
        PrintStream out = System.out;
        EmbeddedMongo embedded = EmbeddedMongo.open(dataDir, 0, 64);
        MongoClient client = MongoClients.create(embedded.connectionString());
        MongoCollection<Document> trial = client.getDatabase(EmbeddedMongo.DATABASE).getCollection(COLLECTION);
        trial.countDocuments(); // connected
        List<Thread> threads = new ArrayList<>();
        threads.add(new Thread(() -> {
            for (long next = 0; ; next += CHUNK) {
                List<Document> chunk = new ArrayList<>(CHUNK);
                for (long i = next; i < next + CHUNK; i++) {
                    chunk.add(record(bulkId(run, i), run));
                }
                trial.insertMany(chunk);
                synchronized (out) {
                    out.println("BULK " + (next + CHUNK - 1));
                    out.flush();
                }
            }
        }));
        threads.add(new Thread(() -> {
            for (long i = 0; ; i++) {
                trial.insertOne(record(singleId(run, i), run));
                synchronized (out) {
                    out.println("ONE " + i);
                    out.flush();
                }
            }
        }));
        for (int r = 0; r < 2; r++) {
            threads.add(new Thread(() -> {
                while (true) {
                    trial.aggregate(List.of(new Document("$match", new Document("year", 2013)),
                            new Document("$group", new Document("_id", "$gender").append("n",
                                    new Document("$sum", 1))))).into(new ArrayList<>());
                    trial.find(Filters.eq("_id", bulkId(run, ThreadLocalRandom.current().nextInt(1000)))).first();
                }
            }));
        }
        threads.forEach(Thread::start);
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        Thread.sleep(600_000); // killed long before
    }

    private static Document record(String id, int run) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new Document("_id", id).append("run", run).append("year", 2013)
                .append("gender", random.nextBoolean() ? "FEMALE" : "MALE")
                .append("age", 18 + random.nextInt(50)).append("padding", "x".repeat(200 + random.nextInt(400)));
    }
}
