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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

    private final MongoServer server;
    private final WriteCounter writes;
    private final MVStore store;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path portFile;
    private final String connectionString;

    private EmbeddedMongo(MongoServer server, WriteCounter writes, MVStore store, FileChannel lockChannel,
            FileLock lock, Path portFile, String connectionString) {
        this.server = server;
        this.writes = writes;
        this.store = store;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.portFile = portFile;
        this.connectionString = connectionString;
    }

    /** An embedded server with nothing on disk. */
    public static EmbeddedMongo inMemory() {
        CountingMemoryBackend backend = new CountingMemoryBackend();
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        log.info("Using embedded MongoDB (mongo-java-server, in memory only) on 127.0.0.1:{}", address.getPort());
        return new EmbeddedMongo(server, backend.writes(), null, null, null, null, uri(address.getPort()));
    }

    /** Opens the data folder with the default page cache. */
    public static EmbeddedMongo open(Path dataDir, int port) {
        return open(dataDir, port, defaultCacheMb());
    }

    /**
     * The default page cache of the H2 file: 40 % of the maximum heap, at least 64 MB and at most 4 GB. Measured at
     * 200,000 persons (README, "Scale and speed"): with H2's own default of 16 MB every breakdown reads and decodes
     * the file's pages again and is about 10 times slower; once the cache holds the records, H2 answers as fast as
     * the in-memory backend, starts at once and needs less memory.
     */
    public static int defaultCacheMb() {
        long fraction = Runtime.getRuntime().maxMemory() * 2 / 5 / (1024 * 1024);
        return (int) Math.max(64, Math.min(4096, fraction));
    }

    /**
     * Opens the data folder: starts a server on its file, or connects to the server of the process that owns it.
     */
    public static EmbeddedMongo open(Path dataDir, int port, int cacheMb) {
        try {
            Files.createDirectories(dataDir);
            Path lockFile = dataDir.resolve(LOCK_FILE);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                return connectToOwner(dataDir);
            }
            Path storeFile = dataDir.resolve(STORE_FILE);
            MVStore store = new MVStore.Builder().fileName(storeFile.toString()).cacheSize(cacheMb).open();
            DurableH2Backend fileBackend = new DurableH2Backend(store);
            MongoServer server = new MongoServer(fileBackend);
            server.bind("127.0.0.1", port);
            int boundPort = server.getLocalAddress().getPort();
            Path portFile = dataDir.resolve(PORT_FILE);
            Files.writeString(portFile, Integer.toString(boundPort), StandardCharsets.US_ASCII);
            log.info("Using embedded MongoDB (mongo-java-server, H2 file {}, {} MB page cache) on 127.0.0.1:{}",
                    storeFile.toAbsolutePath(), cacheMb, boundPort);
            return new EmbeddedMongo(server, fileBackend.writes(), store, channel, lock, portFile, uri(boundPort));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the data folder " + dataDir.toAbsolutePath(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // this JVM holds it already (a second context in one test run): treat as another owner
        }
    }

    private static EmbeddedMongo connectToOwner(Path dataDir) {
        Path portFile = dataDir.resolve(PORT_FILE);
        int port;
        try {
            port = Integer.parseInt(Files.readString(portFile, StandardCharsets.US_ASCII).trim());
        } catch (NoSuchFileException | NumberFormatException e) {
            throw new DataFolderInUseException(dataDir, "it has no readable " + PORT_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        } catch (IOException e) {
            throw new DataFolderInUseException(dataDir, "its server on 127.0.0.1:" + port + " does not answer");
        }
        log.info("Data folder {} is in use by another cmm-stats process; using its embedded MongoDB on 127.0.0.1:{}",
                dataDir.toAbsolutePath(), port);
        return new EmbeddedMongo(null, null, null, null, null, null, uri(port));
    }

    private static String uri(int port) {
        return "mongodb://127.0.0.1:" + port + "/" + DATABASE;
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
            if (store != null) {
                store.close();
            }
            if (portFile != null) {
                Files.deleteIfExists(portFile);
            }
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
