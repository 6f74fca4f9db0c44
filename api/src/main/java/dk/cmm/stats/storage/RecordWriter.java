package dk.cmm.stats.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.bson.Document;

import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoServerException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;

/**
 * Writes validated records as upserts on their natural key (the document id): writing the same records twice,
 * or finishing a write that a killed process began, never makes a second copy. A record equal to the stored one
 * (its stamp aside) is not written at all, so it keeps the stamp of the change that made it.
 */
@Component
public class RecordWriter {

    /**
     * Ids looked up per query: the embedded server checks a document against an {@code $in} list one by one, so
     * long lists cost more than several short ones.
     */
    static final int LOOKUP_BATCH = 500;

    private final MongoTemplate mongo;
    private final DataVersion dataVersion;

    public RecordWriter(MongoTemplate mongo, DataVersion dataVersion) {
        this.mongo = mongo;
        this.dataVersion = dataVersion;
    }

    /**
     * Upserts the records that are new or changed, stamped with who wrote them, and bumps the data version when
     * anything was written. The records are first inserted (unordered): the server stores the new ones and refuses
     * the ones it has, by their key. Only those are then read and compared, and the changed ones replaced. A fresh
     * import so costs the server one key lookup per record instead of two (a read to tell new from stored, then the
     * insert's own check), which on the embedded server is most of an import's time. The counts come from that
     * comparison, not from the server's reply (an unordered bulk write's counts do not tell an unchanged replace
     * from a changed one on every server).
     */
    public <T extends Stamped<T>> WriteCounts upsertAll(Class<T> type, List<T> records, String who) {
        if (records.isEmpty()) {
            return new WriteCounts(0, 0, 0);
        }
        Stamp stamp = Stamp.now(who);
        boolean wrote = true;
        // marked: nothing computed while the write is under way is cached, even should this process die in it
        String write = dataVersion.beginWrite();
        try {
            Set<Object> stored = insertNew(type, records, stamp);
            if (stored.isEmpty()) {
                return new WriteCounts(records.size(), 0, 0);
            }
            List<T> rest = records.stream().filter(record -> stored.contains(idOf(record))).toList();
            Plan<T> plan = plan(type, rest);
            if (!plan.toWrite().isEmpty()) {
                // replaced with upsert: a record deleted since the insert was refused is stored again
                replace(type, plan.toWrite(), stamp);
            }
            wrote = rest.size() < records.size() || !plan.toWrite().isEmpty();
            return new WriteCounts(records.size() - rest.size() + plan.counts().inserted(), plan.counts().updated(),
                    plan.counts().unchanged());
        } finally {
            dataVersion.endWrite(write, wrote); // a new version also after a failure: part may have been applied
        }
    }

    /** Replaces the records by their key, upserting. */
    private <T extends Stamped<T>> void replace(Class<T> type, List<T> records, Stamp stamp) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
        for (T record : records) {
            bulk.replaceOne(byId(idOf(record)), record.withChanged(stamp), FindAndReplaceOptions.options().upsert());
        }
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            if (e.getCause() instanceof MongoBulkWriteException bulkError && bulkError.getWriteConcernError() != null) {
                throw RecordWriteException.unconfirmed(bulkError.getWriteConcernError());
            }
            if (!e.getErrors().isEmpty()) {
                BulkWriteError first = e.getErrors().get(0);
                throw RecordWriteException.of(idOf(records.get(first.getIndex())), first);
            }
            throw new RecordWriteException(null, "the replace of " + records.size() + " records failed");
        } catch (RuntimeException e) {
            throw refused(e);
        }
    }

    /**
     * A failure of a whole write command, in our words: its error code and name, never the server's message
     * (which can quote a record's values).
     */
    static RuntimeException refused(RuntimeException e) {
        if (e instanceof RecordWriteException) {
            return e;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MongoBulkWriteException bulk && bulk.getWriteConcernError() != null) {
                return RecordWriteException.unconfirmed(bulk.getWriteConcernError());
            }
            if (cause instanceof MongoServerException server) {
                if (server.getCode() == StorageState.REFUSED) {
                    return e; // the storage state's own words: a full disk, a restart needed
                }
                return new RecordWriteException(null, "error " + server.getCode()
                        + (server instanceof MongoCommandException command ? " " + command.getErrorCodeName() : ""));
            }
        }
        return e; // not the server's refusal: a lost connection, a timeout (their messages hold no record)
    }

    /** Inserts the records the server does not hold; returns the keys of those it refused as stored already. */
    private <T extends Stamped<T>> Set<Object> insertNew(Class<T> type, List<T> records, Stamp stamp) {
        List<Document> documents = new ArrayList<>(records.size());
        for (T record : records) {
            Document document = new Document();
            mongo.getConverter().write(record.withChanged(stamp), document);
            documents.add(document);
        }
        try {
            mongo.getCollection(mongo.getCollectionName(type))
                    .insertMany(documents, new InsertManyOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                // applied maybe, confirmed not: never counted as inserted (issue 10)
                throw RecordWriteException.unconfirmed(e.getWriteConcernError());
            }
            Set<Object> stored = new HashSet<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                Object key = idOf(records.get(error.getIndex()));
                if (!RecordWriteException.isDuplicateId(error)) {
                    throw RecordWriteException.of(key, error);
                }
                stored.add(key);
            }
            return stored;
        } catch (RuntimeException e) {
            throw refused(e);
        }
    }

    /** What {@link #upsertAll} would do with the records, without writing anything (an import's dry run). */
    public <T extends Stamped<T>> WriteCounts preview(Class<T> type, List<T> records) {
        return plan(type, records).counts();
    }

    /**
     * Upserts one record and returns it as stored: stamped now when it was new or changed, or the stored record
     * with its old stamp when nothing changed.
     */
    public <T extends Stamped<T>> T upsert(T record, String who) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) record.getClass();
        T stored = mongo.findById(idOf(record), type);
        if (stored != null && sameApartFromStamp(stored, record)) {
            return stored;
        }
        T stamped = record.withChanged(Stamp.now(who));
        String write = dataVersion.beginWrite();
        try {
            mongo.save(stamped);
        } finally {
            dataVersion.endWrite(write, true);
        }
        return stamped;
    }

    public Object idOf(Object record) {
        return mongo.getConverter().getMappingContext().getRequiredPersistentEntity(record.getClass())
                .getIdentifierAccessor(record).getRequiredIdentifier();
    }

    private <T extends Stamped<T>> Plan<T> plan(Class<T> type, List<T> records) {
        Map<Object, T> stored = new HashMap<>();
        List<Object> ids = records.stream().map(this::idOf).toList();
        for (int from = 0; from < ids.size(); from += LOOKUP_BATCH) {
            List<Object> batch = ids.subList(from, Math.min(ids.size(), from + LOOKUP_BATCH));
            mongo.find(Query.query(Criteria.where("_id").in(batch)), type).forEach(r -> stored.put(idOf(r), r));
        }
        List<T> inserts = new ArrayList<>();
        List<T> updates = new ArrayList<>();
        for (T record : records) {
            T before = stored.get(idOf(record));
            if (before == null) {
                inserts.add(record);
            } else if (!sameApartFromStamp(before, record)) {
                updates.add(record);
            }
        }
        return new Plan<>(inserts, updates, new WriteCounts(inserts.size(), updates.size(),
                records.size() - inserts.size() - updates.size()));
    }

    private static <T extends Stamped<T>> boolean sameApartFromStamp(T stored, T record) {
        return Objects.equals(stored.withChanged(null), record.withChanged(null));
    }

    private static Query byId(Object id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private record Plan<T>(List<T> inserts, List<T> updates, WriteCounts counts) {

        List<T> toWrite() {
            List<T> all = new ArrayList<>(inserts);
            all.addAll(updates);
            return all;
        }
    }

    /** What a write did: new records, changed records, and records that were already stored as given. */
    public record WriteCounts(int inserted, int updated, int unchanged) {

        public WriteCounts plus(WriteCounts other) {
            return new WriteCounts(inserted + other.inserted, updated + other.updated, unchanged + other.unchanged);
        }

        public int total() {
            return inserted + updated + unchanged;
        }
    }
}
