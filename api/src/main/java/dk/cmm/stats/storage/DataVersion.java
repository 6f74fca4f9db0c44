package dk.cmm.stats.storage;

import java.util.Collection;
import java.util.function.LongSupplier;

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
