package dk.cmm.stats.storage;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * Creates the indexes the statistics and record queries use (creating an existing index is a no-op). Every
 * breakdown filters on a year first, so each collection leads with its year field.
 * <p>
 * Chosen from the plans of the benchmark's and the report's pipelines ({@code cmm-stats bench} prints the winning
 * plan of its breakdown from {@code explain}): each pipeline starts with one {@code $match}, which MongoDB runs as
 * the query under the {@code $facet}, so only that match can use an index. The embedded server has no query planner
 * and ignores secondary indexes (it scans, about 25 µs per matched person for a two-way breakdown); these serve a
 * real MongoDB. A covering index is not worth it: a breakdown may group by any of 13 fields and summarises age and
 * days of stay, so the documents are fetched anyway. Aggregations run with {@code allowDiskUse}
 * ({@code StatsService}), which real MongoDB needs once a {@code $group} or {@code $sort} passes 100 MB.
 */
@Component
class IndexInitializer implements InitializingBean {

    private final MongoTemplate mongo;

    IndexInitializer(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        // Every person breakdown with a year filter (dashboards, every figure of the report; the bench's 10-year
        // range is 10 point intervals): IXSCAN then FETCH. At the bench's ~40 % selectivity a collection scan would
        // cost about the same, but a single year (4 % of 24 years) reads a tenth. The second key serves figure 2
        // (by assessing authority) and the year-and-authority filters from the index alone.
        create("persons", Indexes.ascending("assessmentYear", "assessedBy"));
        // Figure 11 and the IOM returns of a year over all assessment years: status equality, then outcome year.
        create("persons", Indexes.ascending("status", "outcomeYear"));
        // The report's batch reads a year's persons OR those whose outcome fell in the year (any status): mongod
        // uses indexes for an $or only when every clause has one, so the outcome year needs one of its own.
        create("persons", Indexes.ascending("outcomeYear"));
        // Persons assessed per outreach programme (outreachStats' assessedTrafficked): programme list, then year.
        create("persons", Indexes.ascending("contactProgramme", "assessmentYear"));
        // Outreach and hotline breakdowns: year (equality or range) first, then the usual second filter.
        create("outreachActivities", Indexes.ascending("year", "programme"));
        create("hotlineCalls", Indexes.ascending("year", "callerType"));
        // A bearer token is looked up by the hash of its secret on every request, and two tokens must never share
        // one: ApiToken's @Indexed is not created by Spring Data (its automatic index creation is off), so here.
        mongo.getCollection(API_TOKENS).createIndex(Indexes.ascending("hash"), new IndexOptions().unique(true));
        // The audit log is read newest first (AuditLog#latest).
        create(AUDIT_LOG, Indexes.descending("at", "_id"));
        // The releases are reloaded whenever one is published (disclosure's ReleaseStore): the year and revision of
        // every release are read from these indexes alone (a covered query, in index order), then only the newest
        // revision of each year is read in full, by _id.
        create(RELEASES, Indexes.ascending("subject", "year", "revision"));
        create(OUTREACH_RELEASES, Indexes.ascending("year", "revision"));
        checkShardKeys();
    }

    /** Collections of other parts, named here because storage imports none of them. */
    static final String API_TOKENS = "apiTokens";
    static final String AUDIT_LOG = "auditLog";
    static final String RELEASES = "releases";
    static final String OUTREACH_RELEASES = "outreachReleases";

    /** Our record collections; each must be sharded, if at all, on its {@code _id}. */
    static final java.util.List<String> RECORDS = java.util.List.of("persons", "outreachActivities", "hotlineCalls",
            "programmes", "yearNotes");

    /** On a mongos, refuses record collections sharded on another key than {@code _id} ({@link ShardKeys}). */
    private void checkShardKeys() {
        Document hello = mongo.getDb().runCommand(new Document("isMaster", 1));
        if (!"isdbgrid".equals(hello.getString("msg"))) {
            return; // not a mongos: nothing is sharded
        }
        ShardKeys.check(mongo.getDb(), mongo.getMongoDatabaseFactory().getMongoDatabase("config"), RECORDS);
    }

    private void create(String collection, org.bson.conversions.Bson keys) {
        mongo.getCollection(collection).createIndex(keys, new IndexOptions());
    }

}
