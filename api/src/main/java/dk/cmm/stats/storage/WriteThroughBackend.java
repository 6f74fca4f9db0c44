package dk.cmm.stats.storage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * The embedded default's fast and durable arrangement: every read is answered from memory, and every write is applied
 * to memory and then committed to the H2 file ({@link DurableH2Backend}) before the reply, so an acknowledged write
 * survives a killed process exactly as with the file alone. At start the memory is loaded from the file.
 * <p>
 * Writes are applied one at a time (a lock), in the same order to both, so the two stay identical; anything the
 * server would invent differently on each side (the {@code _id} of an inserted document without one, or of an upsert)
 * is fixed first or copied from the memory side's reply. Reads never wait for the file: aggregations run at the
 * in-memory backend's speed.
 */
final class WriteThroughBackend extends MemoryBackend {

    private static final Logger log = LoggerFactory.getLogger(WriteThroughBackend.class);

    private final DurableH2Backend file;
    private final Object writeLock = new Object();
    private final AtomicLong writes = new AtomicLong();

    private WriteThroughBackend(DurableH2Backend file) {
        this.file = file;
    }

    /** Memory only, nothing on disk (tests, throwaway benchmarks): the same server, without the file. */
    static WriteThroughBackend memoryOnly() {
        return new WriteThroughBackend(null);
    }

    /** A backend serving the file's data from memory; loading reads every document of the file once. */
    static WriteThroughBackend loadedFrom(DurableH2Backend file) {
        WriteThroughBackend backend = new WriteThroughBackend(file);
        long started = System.nanoTime();
        long documents = backend.load();
        log.info("Loaded {} documents from the H2 file into memory in {} ms", documents,
                (System.nanoTime() - started) / 1_000_000);
        return backend;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (!WriteCommands.isWrite(command, query)) {
            return super.handleCommand(channel, database, command, query);
        }
        synchronized (writeLock) {
            try {
                return write(channel, database, command, query);
            } finally {
                writes.incrementAndGet(); // after the write is applied: see writeSequence()
            }
        }
    }

    /**
     * How many write commands this server has applied: it changes with every write, whichever client sent it, so
     * the process running the server can key cached answers by it without asking the database (see
     * {@link EmbeddedMongo#writeSequence()}).
     */
    long writeSequence() {
        return writes.get();
    }

    private Document write(Channel channel, String database, String command, Document query) {
        if (file == null) {
            return super.handleCommand(channel, database, command, query);
        }
        if (command.equalsIgnoreCase("insert")) {
            assignMissingIds(query);
        }
        Document forFile = query.cloneDeeply();
        Document reply;
        try {
            reply = super.handleCommand(channel, database, command, query);
        } catch (RuntimeException refused) {
            // the file holds the same data, so it refuses alike; running it keeps any partial effect identical
            try {
                file.handleCommand(channel, database, command, forFile);
            } catch (RuntimeException alsoRefused) {
                refused.addSuppressed(alsoRefused);
            }
            throw refused;
        }
        pinUpsertedIds(command, forFile, reply);
        file.handleCommand(channel, database, command, forFile); // committed before the reply goes out
        return reply;
    }

    private static void assignMissingIds(Document insert) {
        if (insert.get("documents") instanceof List<?> documents) {
            for (Object document : documents) {
                if (document instanceof Document d && !d.containsKey("_id")) {
                    d.put("_id", new ObjectId());
                }
            }
        }
    }

    /** Makes the file's upserts insert the {@code _id}s the memory side chose, when the query named none. */
    private static void pinUpsertedIds(String command, Document forFile, Document reply) {
        if (command.equalsIgnoreCase("update") && reply.get("upserted") instanceof List<?> upserted) {
            List<?> updates = (List<?>) forFile.get("updates");
            for (Object entry : upserted) {
                Document u = (Document) entry;
                Document statement = (Document) updates.get(((Number) u.get("index")).intValue());
                pin(statement, "q", u.get("_id"));
            }
        } else if (command.equalsIgnoreCase("findAndModify")
                && reply.get("lastErrorObject") instanceof Document status && status.get("upserted") != null) {
            pin(forFile, "query", status.get("upserted"));
        }
    }

    private static void pin(Document statement, String queryField, Object id) {
        Document query = statement.get(queryField) instanceof Document q ? q : new Document();
        if (!query.containsKey("_id")) {
            query.put("_id", id);
            statement.put(queryField, query);
        }
    }

    @Override
    public void handleClose(Channel channel) {
        super.handleClose(channel);
        if (file != null) {
            file.handleClose(channel);
        }
    }

    @Override
    public void dropDatabase(String database) {
        synchronized (writeLock) {
            try {
                super.dropDatabase(database);
                if (file != null) {
                    file.dropDatabase(database);
                }
            } finally {
                writes.incrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        super.close();
        if (file != null) {
            file.close();
        }
    }

    /** Copies every collection, with its indexes, from the file into memory; returns the number of documents. */
    private long load() {
        Channel channel = new EmbeddedChannel();
        long documents = 0;
        try {
            for (String database : file.databaseNames()) {
                MongoDatabase source = file.resolveDatabase(database);
                MongoDatabase target = resolveDatabase(database);
                for (String collection : collectionNames(channel, database)) {
                    MongoCollection<?> from = source.resolveCollection(collection, true);
                    List<Document> indexes = new ArrayList<>(firstBatch(file.handleCommand(channel, database,
                            "listIndexes", new Document("listIndexes", collection))));
                    indexes.removeIf(index -> "_id_".equals(index.get("name")));
                    target.createCollectionOrThrowIfExists(collection);
                    if (!indexes.isEmpty()) {
                        super.handleCommand(channel, database, "createIndexes",
                                new Document("createIndexes", collection).append("indexes", indexes));
                    }
                    MongoCollection<?> to = target.resolveCollection(collection, true);
                    documents += copy(from.queryAllAsStream(), to);
                }
            }
        } finally {
            channel.close();
        }
        return documents;
    }

    private List<String> collectionNames(Channel channel, String database) {
        List<String> names = new ArrayList<>();
        for (Document info : firstBatch(file.handleCommand(channel, database, "listCollections",
                new Document("listCollections", 1)))) {
            String name = (String) info.get("name");
            if (!name.startsWith("system.")) {
                names.add(name);
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<Document> firstBatch(Document reply) {
        Document cursor = (Document) reply.get("cursor");
        if (((Number) cursor.get("id")).longValue() != 0) {
            throw new IllegalStateException("unexpected cursor while loading the embedded data: " + reply);
        }
        return (List<Document>) cursor.get("firstBatch");
    }

    private static long copy(Stream<Document> source, MongoCollection<?> target) {
        long copied = 0;
        List<Document> batch = new ArrayList<>();
        for (Iterator<Document> it = source.iterator(); it.hasNext();) {
            batch.add(it.next());
            if (batch.size() == 10_000 || !it.hasNext()) {
                target.insertDocuments(batch, true);
                copied += batch.size();
                batch = new ArrayList<>();
            }
        }
        return copied;
    }
}
