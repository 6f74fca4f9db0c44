package dk.cmm.stats.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.LongSupplier;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The embedded default: mongo-java-server in this process, on loopback, keeping its data in an H2 MVStore file in
 * the data folder, every acknowledged write committed to the file ({@link DurableH2Backend}), with a page cache large
 * enough to keep a few hundred thousand records in memory (see {@link #defaultCacheMb()}). Only one process can own a data folder. The owner holds a lock on {@code embedded-mongo.lock} and
 * writes its port to {@code embedded-mongo.port}; a second process (say {@code export} while {@code serve} runs)
 * finds the lock taken and connects to the owner's server instead of opening the file a second time.
 */
public final class EmbeddedMongo implements AutoCloseable {

    static final String STORE_FILE = "cmm.mv.db";
    static final String LOCK_FILE = "embedded-mongo.lock";
    static final String PORT_FILE = "embedded-mongo.port";
    static final String DATABASE = "cmm";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    /**
     * How long a process that finds the folder locked waits for the owner's server to listen: the owner opens and
     * checks its file before it binds (a second or two; longer for a large file after a kill).
     */
    static final Duration OWNER_START_WAIT = Duration.ofSeconds(30);
    private static final long OWNER_POLL_MILLIS = 100;

    /** How long a guest's driver waits for the owner's server before a request fails. */
    static final int GUEST_SELECTION_TIMEOUT_MS = 3000;
    private static final java.util.Map<Integer, Path> GUESTS = new java.util.concurrent.ConcurrentHashMap<>();

    private final MongoServer server;
    private final WriteCounter writes;
    private final MVStore store;
    private final StorageState state;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final String connectionString;
    private Path guestDataDir;
    private int guestPort;
    private volatile long lastProbe = System.nanoTime();
    private volatile boolean ownerDown;

    private EmbeddedMongo(MongoServer server, WriteCounter writes, MVStore store, StorageState state,
            FileChannel lockChannel, FileLock lock, String connectionString) {
        this.server = server;
        this.writes = writes;
        this.store = store;
        this.state = state;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.connectionString = connectionString;
    }

    /** An embedded server with nothing on disk. */
    public static EmbeddedMongo inMemory() {
        CountingMemoryBackend backend = new CountingMemoryBackend();
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        log.info("Using embedded MongoDB (mongo-java-server, in memory only) on 127.0.0.1:{}", address.getPort());
        return new EmbeddedMongo(server, backend.writes(), null, null, null, null, uri(address.getPort(), ""));
    }

    /** Opens the data folder with the default page cache. */
    public static EmbeddedMongo open(Path dataDir, int port) {
        return open(dataDir, port, defaultCacheMb());
    }

    /**
     * The default page cache of the H2 file: 40 % of the maximum heap, at least 64 MB and at most 4 GB. Measured at
     * 200,000 persons (docs/speed.md): with H2's own default of 16 MB every breakdown reads and decodes
     * the file's pages again and is about 10 times slower; once the cache holds the records, H2 answers as fast as
     * the in-memory backend, starts at once and needs less memory.
     */
    public static int defaultCacheMb() {
        long fraction = Runtime.getRuntime().maxMemory() * 2 / 5 / (1024 * 1024);
        return (int) Math.max(64, Math.min(4096, fraction));
    }

    /**
     * Opens the data folder: starts a server on its file, or connects to the server of the process that owns it,
     * waiting up to {@link #OWNER_START_WAIT} for an owner that is still starting.
     */
    public static EmbeddedMongo open(Path dataDir, int port, int cacheMb) {
        return open(dataDir, port, cacheMb, OWNER_START_WAIT);
    }

    /**
     * Opens the data folder, waiting up to {@code ownerStartWait} for the server of an owner that holds the lock
     * but has not written its port yet, or whose port does not answer yet: two processes started at the same moment
     * on a fresh folder find it so, and the one that did not get the lock then joins the other's server, as a
     * process started later does. Should the owner exit meanwhile, the waiting process takes the lock itself.
     */
    static EmbeddedMongo open(Path dataDir, int port, int cacheMb, Duration ownerStartWait) {
        try {
            Files.createDirectories(dataDir);
            Path lockFile = dataDir.resolve(LOCK_FILE);
            long deadline = System.nanoTime() + ownerStartWait.toNanos();
            FileChannel channel;
            FileLock lock;
            while (true) {
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                lock = tryLock(channel);
                if (lock != null) {
                    break;
                }
                channel.close();
                String problem = ownerProblem(dataDir);
                if (problem == null) {
                    return connectToOwner(dataDir);
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new DataFolderInUseException(dataDir, problem + " after waiting "
                            + ownerStartWait.toSeconds() + " s for it to start");
                }
                sleep(OWNER_POLL_MILLIS);
            }
            // a process that finds the folder locked before this server listens finds the previous owner's port
            // file, which does not answer yet: it waits (see #open), and this server takes that port when it is free
            Path portFile = dataDir.resolve(PORT_FILE);
            int previousPort = previousPort(portFile);
            Path storeFile = dataDir.resolve(STORE_FILE);
            MVStore store;
            try {
                // no auto-commit: only DurableH2Backend commits, after a whole command (see there why)
                store = new MVStore.Builder().fileName(storeFile.toString()).cacheSize(cacheMb)
                        .autoCommitDisabled().open();
                StoreCheck.repair(store);
            } catch (RuntimeException e) {
                lock.release();
                channel.close();
                throw e;
            }
            StorageState state = new StorageState(storeFile);
            DurableH2Backend fileBackend = new DurableH2Backend(store, state);
            try {
                StoreCheck.verify(store);
            } catch (RuntimeException e) {
                store.close();
                lock.release();
                channel.close();
                throw e;
            }
            MongoServer server = new MongoServer(fileBackend);
            int boundPort = bind(server, port, previousPort);
            writePortFile(portFile, boundPort);
            log.info("Using embedded MongoDB (mongo-java-server, H2 file {}, {} MB page cache) on 127.0.0.1:{}",
                    storeFile.toAbsolutePath(), cacheMb, boundPort);
            return new EmbeddedMongo(server, fileBackend.writes(), store, state, channel, lock, uri(boundPort, ""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the data folder " + dataDir.toAbsolutePath(), e);
        }
    }

    /**
     * Binds the server: to {@code port} when one is configured, else to the port the folder's last owner had (its
     * {@value #PORT_FILE} is kept on purpose) when that is free, so that the processes using this folder's server
     * find it again after a restart, else to any free port.
     */
    private static int bind(MongoServer server, int port, int previous) {
        if (port == 0) {
            if (previous > 0 && isFree(previous)) {
                port = previous;
            } else if (previous > 0) {
                log.info("The embedded MongoDB's previous port {} is taken; using another", previous);
            }
        }
        server.bind("127.0.0.1", port);
        return server.getLocalAddress().getPort();
    }

    /** Probed first: a failed bind shuts the server and its backend down. */
    private static boolean isFree(int port) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int previousPort(Path portFile) {
        try {
            return Integer.parseInt(Files.readString(portFile, StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // this JVM holds it already (a second context in one test run): treat as another owner
        }
    }

    /** Written whole under another name, then moved: a reader never sees a half-written port. */
    private static void writePortFile(Path portFile, int port) throws IOException {
        Path written = portFile.resolveSibling(PORT_FILE + ".new");
        Files.writeString(written, Integer.toString(port), StandardCharsets.US_ASCII);
        try {
            Files.move(written, portFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(written, portFile, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Why the owner's server cannot be joined yet, or null when its port answers. */
    private static String ownerProblem(Path dataDir) {
        int port = previousPort(dataDir.resolve(PORT_FILE));
        if (port == 0) {
            return "it has no readable " + PORT_FILE;
        }
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return null;
        } catch (IOException e) {
            return "its server on 127.0.0.1:" + port + " does not answer";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the data folder's owner", e);
        }
    }

    private static EmbeddedMongo connectToOwner(Path dataDir) {
        int port = previousPort(dataDir.resolve(PORT_FILE));
        log.info("Data folder {} is in use by another cmm-stats process; using its embedded MongoDB on 127.0.0.1:{}",
                dataDir.toAbsolutePath(), port);
        GUESTS.put(port, dataDir.toAbsolutePath());
        // fail fast when the owner is gone (not the driver's 30 s), and find it again when it is back on its port
        EmbeddedMongo guest = new EmbeddedMongo(null, null, null, null, null, null,
                uri(port, "?serverSelectionTimeoutMS=" + GUEST_SELECTION_TIMEOUT_MS + "&connectTimeoutMS=2000"));
        guest.guestDataDir = dataDir.toAbsolutePath();
        guest.guestPort = port;
        return guest;
    }

    private static String uri(int port, String options) {
        return "mongodb://127.0.0.1:" + port + "/" + DATABASE + options;
    }

    /**
     * When {@code error} (a driver's timeout or socket error, or one caused by it) concerns the server of a data
     * folder this process uses as a guest, says so in words: "the embedded server owning DATA is not running".
     */
    public static java.util.Optional<String> describeUnreachable(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof com.mongodb.MongoSocketException socket) {
                java.util.Optional<Path> dir = guestDataDir(socket.getServerAddress().getPort());
                if (dir.isPresent()) {
                    return dir.map(EmbeddedMongo::notRunning);
                }
            }
            if (e instanceof com.mongodb.MongoTimeoutException && e.getMessage() != null) {
                String message = e.getMessage();
                java.util.Optional<String> found = GUESTS.entrySet().stream()
                        .filter(g -> message.contains("127.0.0.1:" + g.getKey())).findFirst()
                        .map(g -> notRunning(g.getValue()));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return java.util.Optional.empty();
    }

    static String notRunning(Path dataDir) {
        return "the embedded server owning " + dataDir + " is not running: start it again (cmm-stats serve "
                + "--cmm.data-dir=" + dataDir + "), then repeat this; a running instance reconnects by itself";
    }

    /** The data folder of this process's guest connections, by the owner's port. */
    public static java.util.Optional<Path> guestDataDir(int port) {
        return java.util.Optional.ofNullable(GUESTS.get(port));
    }

    /**
     * For a guest: "the embedded server owning DATA is not running" while the owner's port does not answer (a
     * probe costs one loopback connect, made at most once a second); empty for an owner, or while it answers.
     */
    public java.util.Optional<String> guestProblem() {
        if (server != null || guestDataDir == null) {
            return java.util.Optional.empty();
        }
        long now = System.nanoTime();
        if (now - lastProbe > 1_000_000_000L) {
            lastProbe = now;
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", guestPort), 500);
                ownerDown = false;
            } catch (IOException e) {
                ownerDown = true;
            }
        }
        return ownerDown ? java.util.Optional.of(notRunning(guestDataDir)) : java.util.Optional.empty();
    }

    /** The storage state when this process runs the server on a file; empty otherwise. */
    public java.util.Optional<StorageState> state() {
        return java.util.Optional.ofNullable(state);
    }

    public String connectionString() {
        return connectionString;
    }

    /**
     * A number that grows with every write the server applies to any of {@code collections}, when this process runs
     * the server (null when it uses another process's). Every write by any client, in this process or another, passes
     * through the server, so this process can tell whether the data changed without a round trip to the database.
     */
    public LongSupplier writeSequence(java.util.Collection<String> collections) {
        return writes == null ? null : writes.sequence(collections);
    }

    /** Whether this process runs the server (rather than using another process's). */
    public boolean ownsServer() {
        return server != null;
    }

    @Override
    public void close() {
        if (server == null) {
            return;
        }
        server.shutdownNow();
        try {
            if (store != null && !store.isClosed()) {
                store.close();
            }
            // the port file stays: the next owner takes the same port when it is free (see #bind)
            if (lock != null) {
                lock.release();
                lockChannel.close();
            }
        } catch (IOException e) {
            log.warn("Could not release the data folder cleanly: {}", e.getMessage());
        }
    }

    /** The data folder is locked by another process whose server cannot be reached. */
    public static final class DataFolderInUseException extends RuntimeException {
        DataFolderInUseException(Path dataDir, String why) {
            super("The data folder " + dataDir.toAbsolutePath() + " is locked by another cmm-stats process, but "
                    + why + ". Stop the other process, or choose another folder with --cmm.data-dir=PATH.");
        }
    }
}
