package dk.cmm.stats.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

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
     * anything was written. The counts come from comparing with the stored records read just before, not from the
     * server's reply (an unordered bulk write's counts do not tell an unchanged replace from a changed one on every
     * server).
     */
    public <T extends Stamped<T>> WriteCounts upsertAll(Class<T> type, List<T> records, String who) {
        Plan<T> plan = plan(type, records);
        if (plan.inserts().isEmpty() && plan.updates().isEmpty()) {
            return plan.counts();
        }
        Stamp stamp = Stamp.now(who);
        try {
            write(type, plan.inserts(), plan.updates(), stamp);
        } catch (DuplicateKeyException | BulkOperationException e) {
            // another writer stored one of the new records since they were read: replace them all instead
            write(type, List.of(), plan.toWrite(), stamp);
        }
        dataVersion.bump();
        return plan.counts();
    }

    /**
     * Inserts the records not stored (an insert is much cheaper than an upsert on the embedded server, and the
     * caller has just seen that they are not there) and replaces the changed ones, upserting in case one has been
     * deleted meanwhile.
     */
    private <T extends Stamped<T>> void write(Class<T> type, List<T> inserts, List<T> updates, Stamp stamp) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
        inserts.forEach(record -> bulk.insert(record.withChanged(stamp)));
        for (T record : updates) {
            bulk.replaceOne(byId(idOf(record)), record.withChanged(stamp), FindAndReplaceOptions.options().upsert());
        }
        bulk.execute();
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
        mongo.save(stamped);
        dataVersion.bump();
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
