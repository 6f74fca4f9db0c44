package dk.cmm.stats.security;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The audit log in MongoDB ({@value #COLLECTION}): who (token name), with which role, when, what action and the
 * references of the records touched (case references, call ids, ...), never a record's contents. The application
 * log gets the same line without references.
 */
@Component
public class AuditLog {

    public static final String COLLECTION = "auditLog";

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final MongoTemplate mongo;

    public AuditLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records an action of the current caller. */
    public void record(String action, List<String> refs, Outcome outcome) {
        record(Actors.current(), Actors.authentication() == null ? "LOCAL" : Actors.role().name(), action, refs,
                outcome);
    }

    public void record(String who, String role, String action, List<String> refs, Outcome outcome) {
        List<String> kept = refs.size() > 1000 ? refs.subList(0, 1000) : refs;
        mongo.getCollection(COLLECTION).insertOne(new Document("at", Date.from(Instant.now()))
                .append("who", who)
                .append("role", role)
                .append("action", action)
                .append("outcome", outcome.name())
                .append("refs", kept)
                .append("refCount", refs.size()));
        log.info("audit: {} ({}) {} {} on {} record(s)", who, role, action, outcome, refs.size());
    }

    /** Starts an entry for an action of the current caller (see {@link #start(String, String, String, List)}). */
    public ObjectId start(String action, List<String> refs) {
        return start(Actors.current(), Actors.authentication() == null ? "LOCAL" : Actors.role().name(), action,
                refs);
    }

    /**
     * Records that an action (an import, a mutation) begins, with the outcome {@code STARTED}, and returns the entry's id
     * for {@link #complete}. A process killed meanwhile so leaves a trace: an entry that never completed.
     */
    public ObjectId start(String who, String role, String action, List<String> refs) {
        ObjectId id = new ObjectId();
        List<String> kept = refs.size() > 1000 ? refs.subList(0, 1000) : refs;
        mongo.getCollection(COLLECTION).insertOne(new Document("_id", id)
                .append("at", Date.from(Instant.now()))
                .append("who", who)
                .append("role", role)
                .append("action", action)
                .append("outcome", STARTED)
                .append("refs", kept)
                .append("refCount", refs.size()));
        log.info("audit: {} ({}) {} started on {} record(s)", who, role, action, refs.size());
        return id;
    }

    /** Completes an entry of {@link #start}: its outcome, when it ended, and a summary without record contents. */
    public void complete(ObjectId id, Outcome outcome, String summary) {
        mongo.getCollection(COLLECTION).updateOne(new Document("_id", id), new Document("$set",
                new Document("outcome", outcome.name()).append("completedAt", Date.from(Instant.now()))
                        .append("summary", summary)));
        log.info("audit: entry {} completed {}: {}", id, outcome, summary);
    }

    /**
     * Completes an entry of {@link #start} with its outcome and the references of the records it touched. A failure
     * to do so (the store failed after the action) is logged, not thrown: the action is done, and its entry, which
     * says STARTED, still names it.
     */
    public void completeQuietly(ObjectId id, Outcome outcome, List<String> refs) {
        List<String> kept = refs.size() > 1000 ? refs.subList(0, 1000) : refs;
        try {
            mongo.getCollection(COLLECTION).updateOne(new Document("_id", id), new Document("$set",
                    new Document("outcome", outcome.name()).append("completedAt", Date.from(Instant.now()))
                            .append("refs", kept).append("refCount", refs.size())));
            log.info("audit: entry {} completed {} on {} record(s)", id, outcome, refs.size());
        } catch (RuntimeException e) {
            log.warn("audit: entry {} could not be completed ({}); it stays STARTED", id,
                    e.getClass().getSimpleName());
        }
    }

    /** The outcome of an entry that was started and never completed (its process stopped). */
    public static final String STARTED = "STARTED";

    /** The latest entries first, for tests and for the admin. */
    public List<Document> latest(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "at", "_id")).limit(limit), Document.class,
                COLLECTION);
    }

    /** Whether the action was carried out or refused. */
    public enum Outcome { OK, DENIED, FAILED }
}
