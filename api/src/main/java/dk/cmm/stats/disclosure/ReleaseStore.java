package dk.cmm.stats.disclosure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

import dk.cmm.stats.stats.OutreachRow;
import dk.cmm.stats.stats.NumericSummary;

/**
 * Releases in MongoDB, one document per subject, year and revision ({@code releases}); a release is never changed
 * once written: a revision is a new document. Written with majority acknowledgement, so that every instance that
 * reads it afterwards sees it.
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
    private static boolean inserted(Runnable insert) {
        try {
            insert.run();
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    /** The newest revision of every year of a subject. */
    Map<Integer, Release> latest(String subject) {
        Map<Integer, Release> latest = new HashMap<>();
        Query query = Query.query(Criteria.where("subject").is(subject))
                .with(Sort.by(Sort.Order.asc("year"), Sort.Order.asc("revision")));
        for (StoredRelease stored : mongo.find(query, StoredRelease.class)) {
            latest.put(stored.year(), toRelease(stored));
        }
        return latest;
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
        Query query = new Query().with(Sort.by(Sort.Order.asc("year"), Sort.Order.asc("revision")));
        for (StoredOutreach stored : mongo.find(query, StoredOutreach.class)) {
            Map<String, List<OutreachRow>> answers = new HashMap<>();
            stored.answers().forEach(a -> answers.put(a.groupBy(), List.copyOf(a.rows())));
            latest.put(stored.year(), answers);
        }
        return latest;
    }

    /**
     * How many releases exist: a cheap check whether anything was published since the last read, made every
     * second by every instance, so from the collections' metadata (mongod's {@code count} without a query) rather
     * than by reading every release; releases are only ever inserted, and every insert moves it.
     */
    long count() {
        return mongo.getCollection(COLLECTION).estimatedDocumentCount()
                + mongo.getCollection(OUTREACH_COLLECTION).estimatedDocumentCount();
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
