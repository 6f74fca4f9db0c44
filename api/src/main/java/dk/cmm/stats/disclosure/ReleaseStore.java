package dk.cmm.stats.disclosure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.UpdateOptions;

import dk.cmm.stats.storage.DataVersion;

import dk.cmm.stats.stats.OutreachRow;
import dk.cmm.stats.stats.NumericSummary;

/**
 * Releases in MongoDB, one document per subject, year and revision ({@code releases}); a release is never changed
 * once written: a revision is a new document. Written with majority acknowledgement, so that every instance that
 * reads it afterwards sees it. Each stored release (and each year's outreach answers) moves a counter in
 * {@code meta} ({@code {_id: "releases", n}}) after it is written: the one read every instance makes each second to
 * learn whether anything was published ({@link #generation}).
 */
@Component
class ReleaseStore {

    static final String COLLECTION = "releases";

    @Document(COLLECTION)
    record StoredRelease(@Id String id, String subject, int year, int revision, Instant publishedAt,
            String publishedBy, int k, List<StoredAxis> axes, List<StoredCell> cells, NumericSummary age,
            NumericSummary stayDays, Release.Audit audit, List<StoredNoisyCell> noisyCells, Release.Noise noise) {
    }

    /** A noisy cell as published: only the post-processed count and its margin, never the measurement. */
    record StoredNoisyCell(String key, long count, int margin) {
    }

    /** An axis by its leaves' node ids ({@code group/leaf} on a grouped axis). */
    record StoredAxis(String name, boolean grouped, List<String> leaves) {
    }

    record StoredCell(String key, long count) {
    }

    static final String OUTREACH_COLLECTION = "outreachReleases";

    /** A year's outreach answers as published: per groupBy (dimension names joined by commas), the rows. */
    @Document(OUTREACH_COLLECTION)
    record StoredOutreach(@Id String id, int year, int revision, Instant publishedAt,
            List<StoredOutreachRows> answers) {
    }

    record StoredOutreachRows(String groupBy, List<OutreachRow> rows) {
    }

    private final MongoTemplate mongo;

    ReleaseStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores a new revision; false when that revision exists already (see {@link #inserted}). */
    boolean save(Release release) {
        List<StoredAxis> axes = release.axes().stream()
                .map(a -> new StoredAxis(a.name(), a.grouped(), List.copyOf(a.leaves()))).toList();
        List<StoredCell> cells = new ArrayList<>();
        release.published().forEach((key, count) -> cells.add(new StoredCell(key, count)));
        cells.sort(java.util.Comparator.comparing(StoredCell::key));
        List<StoredNoisyCell> noisy = new ArrayList<>();
        release.noisy().forEach((key, n) -> noisy.add(new StoredNoisyCell(key, n.count(), n.margin())));
        noisy.sort(java.util.Comparator.comparing(StoredNoisyCell::key));
        String id = release.subject() + ":" + release.year() + ":" + release.revision();
        StoredRelease stored = new StoredRelease(id, release.subject(), release.year(), release.revision(),
                release.publishedAt(), release.publishedBy(), release.k(), axes, cells, release.age(),
                release.stayDays(), release.audit(), noisy, release.noise());
        org.bson.Document document = new org.bson.Document();
        mongo.getConverter().write(stored, document);
        // insert, never replace: a revision that raced another for the same number fails instead of overwriting it
        return inserted(() -> mongo.getCollection(COLLECTION).insertOne(document));
    }

    /** A revision of a year as stored, or null; what an instance that lost the race for its number reads back. */
    Release revision(String subject, int year, int revision) {
        StoredRelease stored = mongo.findById(subject + ":" + year + ":" + revision, StoredRelease.class);
        return stored == null ? null : toRelease(stored);
    }

    /**
     * Runs an insert; false when another instance inserted the same id first (two instances started together
     * on an empty database publish the same revision number), so the caller can read it back instead of failing.
     */
    private boolean inserted(Runnable insert) {
        try {
            insert.run();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
        bump();
        return true;
    }

    /** The newest revision of every year of a subject: only those releases are read in full ({@link #newest}). */
    Map<Integer, Release> latest(String subject) {
        Map<Integer, Release> latest = new HashMap<>();
        List<String> ids = newest(COLLECTION, new org.bson.Document("subject", subject), subject);
        for (StoredRelease stored : mongo.find(Query.query(Criteria.where("_id").in(ids)), StoredRelease.class)) {
            latest.put(stored.year(), toRelease(stored));
        }
        return latest;
    }

    /** What the reload reads of every revision: its year and number, which the revision indexes hold. */
    static final org.bson.Document REVISION_FIELDS = new org.bson.Document("_id", 0).append("year", 1)
            .append("revision", 1);

    /** The order the reload reads revisions in: the revision indexes' (after the subject, on {@code releases}). */
    static final org.bson.Document REVISION_ORDER = new org.bson.Document("year", 1).append("revision", 1);

    /**
     * The ids of the newest revision of each year: the years and revision numbers are read from the index alone
     * ({@code subject, year, revision} on releases, {@code year, revision} on outreach releases, created by the
     * index initializer; a covered query that reads no release), and the ids are built from them
     * ({@code prefix:year:revision}), so the reload then reads in full only the releases it keeps.
     */
    private List<String> newest(String collection, org.bson.Document filter, String prefix) {
        Map<Integer, Integer> newest = new java.util.TreeMap<>();
        for (org.bson.Document row : mongo.getCollection(collection).find(filter).projection(REVISION_FIELDS)
                .sort(REVISION_ORDER)) {
            newest.merge(((Number) row.get("year")).intValue(), ((Number) row.get("revision")).intValue(),
                    Math::max);
        }
        List<String> ids = new ArrayList<>();
        newest.forEach((year, revision) -> ids.add(prefix + ":" + year + ":" + revision));
        return ids;
    }

    /** Stores a year's outreach answers as a new revision; false when that revision exists already. */
    boolean saveOutreach(int year, int revision, Map<String, List<OutreachRow>> answers) {
        List<StoredOutreachRows> stored = new ArrayList<>();
        answers.forEach((groupBy, rows) -> stored.add(new StoredOutreachRows(groupBy, rows)));
        org.bson.Document document = new org.bson.Document();
        mongo.getConverter().write(new StoredOutreach("OUTREACH:" + year + ":" + revision, year, revision,
                Instant.now(), stored), document);
        return inserted(() -> mongo.getCollection(OUTREACH_COLLECTION).insertOne(document));
    }

    /** A revision of a year's outreach answers as stored (groupBy → rows), or null. */
    Map<String, List<OutreachRow>> outreachRevision(int year, int revision) {
        StoredOutreach stored = mongo.findById("OUTREACH:" + year + ":" + revision, StoredOutreach.class);
        if (stored == null) {
            return null;
        }
        Map<String, List<OutreachRow>> answers = new HashMap<>();
        stored.answers().forEach(a -> answers.put(a.groupBy(), List.copyOf(a.rows())));
        return answers;
    }

    long countOutreach(int year) {
        return mongo.count(Query.query(Criteria.where("year").is(year)), StoredOutreach.class);
    }

    /** The newest outreach answers of every published year: year → groupBy → rows. */
    Map<Integer, Map<String, List<OutreachRow>>> latestOutreach() {
        Map<Integer, Map<String, List<OutreachRow>>> latest = new HashMap<>();
        List<String> ids = newest(OUTREACH_COLLECTION, new org.bson.Document(), "OUTREACH");
        for (StoredOutreach stored : mongo.find(Query.query(Criteria.where("_id").in(ids)), StoredOutreach.class)) {
            Map<String, List<OutreachRow>> answers = new HashMap<>();
            stored.answers().forEach(a -> answers.put(a.groupBy(), List.copyOf(a.rows())));
            latest.put(stored.year(), answers);
        }
        return latest;
    }

    /** The counter's document in {@code meta}. */
    static final String GENERATION_ID = "releases";

    /**
     * How many releases were stored: the counter in {@code meta}, one {@code _id} read, made every second by every
     * instance to learn whether anything was published since its last reload. It moves after each release is
     * written (majority-acknowledged), so a reader that sees the new number finds the release; a process killed
     * between the two leaves its release unseen by other instances until the next publication moves the counter.
     * 0 where nothing was stored since the counter exists.
     */
    long generation() {
        org.bson.Document doc = mongo.getCollection(DataVersion.COLLECTION)
                .find(new org.bson.Document("_id", GENERATION_ID)).first();
        return doc == null ? 0 : ((Number) doc.get("n")).longValue();
    }

    /**
     * Whether anything was ever published: the counter, or, in a database whose releases were stored before the
     * counter existed, any release at all (read at start-up only).
     */
    boolean anyPublished() {
        return generation() > 0 || mongo.getCollection(COLLECTION).find().limit(1).first() != null
                || mongo.getCollection(OUTREACH_COLLECTION).find().limit(1).first() != null;
    }

    private void bump() {
        mongo.getCollection(DataVersion.COLLECTION).updateOne(new org.bson.Document("_id", GENERATION_ID),
                new org.bson.Document("$inc", new org.bson.Document("n", 1L)), new UpdateOptions().upsert(true));
    }

    private static Release toRelease(StoredRelease stored) {
        List<Axis> axes = stored.axes().stream().map(ReleaseStore::toAxis).toList();
        Map<String, Long> published = new HashMap<>();
        stored.cells().forEach(c -> published.put(c.key(), c.count()));
        Map<String, Release.Noisy> noisy = new HashMap<>();
        if (stored.noisyCells() != null) { // releases stored before the noisy layer have none
            stored.noisyCells().forEach(c -> noisy.put(c.key(), new Release.Noisy(c.count(), c.margin())));
        }
        return new Release(stored.subject(), stored.year(), stored.revision(), stored.publishedAt(),
                stored.publishedBy(), stored.k(), axes, published, stored.age(), stored.stayDays(), stored.audit(),
                noisy, stored.noise());
    }

    private static Axis toAxis(StoredAxis stored) {
        if (!stored.grouped()) {
            return Axis.flat(stored.name(), stored.leaves());
        }
        return Axis.groupedPairs(stored.name(), stored.leaves().stream()
                .map(id -> List.of(Axis.groupOf(id), Axis.codeOf(id))).toList());
    }
}
