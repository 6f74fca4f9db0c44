package dk.cmm.stats.storage;

import java.util.List;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.mongodb.bulk.BulkWriteResult;

/**
 * Writes validated records as upserts on their natural key (the document id): writing the same records twice,
 * or finishing a write that a killed process began, never makes a second copy.
 */
@Component
public class RecordWriter {

    private final MongoTemplate mongo;
    private final DataVersion dataVersion;

    public RecordWriter(MongoTemplate mongo, DataVersion dataVersion) {
        this.mongo = mongo;
        this.dataVersion = dataVersion;
    }

    /** Upserts the records, stamped with who wrote them, and bumps the data version. */
    public <T extends Stamped<T>> WriteCounts upsertAll(Class<T> type, List<T> records, String who) {
        if (records.isEmpty()) {
            return new WriteCounts(0, 0, 0);
        }
        Stamp stamp = Stamp.now(who);
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
        for (T record : records) {
            bulk.replaceOne(Query.query(Criteria.where("_id").is(idOf(record))), record.withChanged(stamp),
                    FindAndReplaceOptions.options().upsert());
        }
        BulkWriteResult result = bulk.execute();
        dataVersion.bump();
        // upserts are counted from the ids the server reports, not from an inserted count
        int inserted = result.getUpserts().size();
        int modified = result.getModifiedCount();
        return new WriteCounts(inserted, modified, records.size() - inserted - modified);
    }

    public Object idOf(Object record) {
        return mongo.getConverter().getMappingContext().getRequiredPersistentEntity(record.getClass())
                .getIdentifierAccessor(record).getRequiredIdentifier();
    }

    /** What a write did: new records, changed records, and records that were already stored as given. */
    public record WriteCounts(int inserted, int updated, int unchanged) {
    }
}
