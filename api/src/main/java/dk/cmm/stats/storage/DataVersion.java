package dk.cmm.stats.storage;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A counter in MongoDB that every write bumps. Anything derived from the data (cached statistics) is keyed by it,
 * so several application instances sharing one database all see a write at once.
 */
@Component
public class DataVersion {

    /** The collection of the counter (and of nothing the statistics read). */
    public static final String COLLECTION = "meta";
    static final String ID = "dataVersion";

    private final MongoTemplate mongo;

    public DataVersion(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public long current() {
        Document doc = mongo.getCollection(COLLECTION).find(new Document("_id", ID)).first();
        return doc == null ? 0 : ((Number) doc.get("version")).longValue();
    }

    public long bump() {
        Document doc = mongo.findAndModify(Query.query(Criteria.where("_id").is(ID)), new Update().inc("version", 1),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        return ((Number) doc.get("version")).longValue();
    }
}
