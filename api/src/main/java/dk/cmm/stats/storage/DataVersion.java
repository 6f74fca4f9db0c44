package dk.cmm.stats.storage;

import java.util.Collection;
import java.util.function.LongSupplier;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.ReadPreference;
import com.mongodb.client.model.UpdateOptions;

/**
 * The data version in MongoDB: a value that every write changes, before and after it (see {@link #bump}). Anything derived from the data (cached statistics) is keyed by it,
 * so several application instances sharing one database all see a write at once.
 */
@Component
public class DataVersion {

    /** The collection of the counter (and of nothing the statistics read). */
    public static final String COLLECTION = "meta";
    static final String ID = "dataVersion";

    private final MongoTemplate mongo;
    private final MongoEndpoint endpoint;

    public DataVersion(MongoTemplate mongo, MongoEndpoint endpoint) {
        this.mongo = mongo;
        this.endpoint = endpoint;
    }

    /**
     * A version of the data in {@code collections} for keying cached answers: read it before computing an answer,
     * and any later write to those collections, by any client, gives a different one. It is {@link #current()}
     * (one {@code _id} lookup), or, when this process runs the embedded server itself, that server's count of the
     * writes applied to the collections, which costs nothing (every client's writes pass through it).
     */
    public LongSupplier of(Collection<String> collections) {
        LongSupplier local = endpoint.isEmbedded() ? endpoint.embedded().writeSequence(collections) : null;
        return local != null ? local : this::current;
    }

    /**
     * The version, read from the primary (a secondary may lag behind the data the answer is then read from).
     * It is a new ObjectId per bump, so it never repeats: not after a restore of an older backup (where a counter
     * would hand out old numbers again for different data), not between databases. Stored as the ObjectId
     * ({@code versionId}) and as a {@code long} ({@code version}): the ObjectId's seconds, one byte of its
     * per-process random part and its counter.
     */
    public long current() {
        Document doc = mongo.getCollection(COLLECTION).withReadPreference(ReadPreference.primary())
                .find(new Document("_id", ID)).first();
        if (doc != null && writeUnderWay(doc.get(WRITING, Document.class))) {
            return asLong(new ObjectId()); // a value no later read returns: nothing computed now is found again
        }
        return doc == null ? 0 : asLong(doc.get("version"));
    }

    /** The field of the writes under way: write id → when it began. */
    static final String WRITING = "writing";

    /**
     * How long a write's mark stands at most: past it, a writer that never ended its write (killed mid-chunk) no
     * longer keeps answers from being cached. A chunk takes seconds; the statistics cache keeps an answer at most
     * 10 minutes anyway.
     */
    static final java.time.Duration WRITE_MARK_LEASE = java.time.Duration.ofMinutes(10);

    private static boolean writeUnderWay(Document writing) {
        if (writing == null) {
            return false;
        }
        java.util.Date since = new java.util.Date(System.currentTimeMillis() - WRITE_MARK_LEASE.toMillis());
        return writing.values().stream().anyMatch(began -> began instanceof java.util.Date d && d.after(since));
    }

    /**
     * Marks a write as under way, and gives the data a new version. While any write's mark stands, {@link #current}
     * gives every read a value of its own, so nothing computed during the write is cached under a version it keeps:
     * a writer killed before {@link #endWrite} (kill -9 mid-chunk) leaves no answer cached under the version that
     * then stays, only its mark, for at most {@link #WRITE_MARK_LEASE}.
     *
     * @return the write's id, for {@link #endWrite}
     */
    public String beginWrite() {
        ObjectId version = new ObjectId();
        String write = version.toHexString();
        mongo.getCollection(COLLECTION).updateOne(new Document("_id", ID),
                new Document("$set", versionFields(version).append(WRITING + "." + write, version.getDate())),
                new UpdateOptions().upsert(true));
        return write;
    }

    /**
     * Ends a write begun with {@link #beginWrite}: its mark goes, and when it changed anything (or may have, after a
     * failure) the data gets a new version, which answers computed during the write never had.
     */
    public void endWrite(String write, boolean changed) {
        Document update = new Document("$unset", new Document(WRITING + "." + write, ""));
        if (changed) {
            update.append("$set", versionFields(new ObjectId()));
        }
        mongo.getCollection(COLLECTION).updateOne(new Document("_id", ID), update);
    }

    private static Document versionFields(ObjectId version) {
        return new Document("version", asLong(version)).append("versionId", version).append("at", version.getDate());
    }

    /**
     * Gives the data a new version. Writers bump before and after a write: answers computed while it is under way
     * are keyed by a version that is left behind once it is done.
     */
    public long bump() {
        ObjectId version = new ObjectId();
        mongo.getCollection(COLLECTION).updateOne(new Document("_id", ID),
                new Document("$set", new Document("version", asLong(version)).append("versionId", version)
                        .append("at", version.getDate())),
                new UpdateOptions().upsert(true));
        return asLong(version);
    }

    static long asLong(Object version) {
        if (version instanceof ObjectId id) {
            byte[] bytes = id.toByteArray(); // 4 bytes of seconds, 5 random per process, 3 of a counter
            return ((long) id.getTimestamp() << 32) | ((bytes[8] & 0xffL) << 24) | ((bytes[9] & 0xffL) << 16)
                    | ((bytes[10] & 0xffL) << 8) | (bytes[11] & 0xffL);
        }
        return version instanceof Number n ? n.longValue() : 0; // a counter written by an older version
    }
}
