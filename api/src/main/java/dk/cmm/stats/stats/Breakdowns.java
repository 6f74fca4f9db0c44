package dk.cmm.stats.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import com.mongodb.client.MongoCollection;

/**
 * Reads a breakdown from MongoDB: the group counts as a cursor of their own {@code $group}
 * ({@link Pipelines#groups}), so no number of groups is too many for one document, and the frequency tables of the
 * summarised fields in one {@code $facet} ({@link Pipelines#summaries}), which stay small. Both run with
 * {@code allowDiskUse}. Without summarised fields (hotline calls) the second aggregation is not run.
 */
final class Breakdowns {

    /** A breakdown as read: counts by group key (in the server's order) and a summary per summarised field. */
    record Breakdown(Map<List<GroupKey>, Integer> groups, Map<String, NumericSummary> summaries) {

        /** The summary of a summarised field, or null where the field was not summarised. */
        NumericSummary summary(String field) {
            return summaries.get(field);
        }
    }

    private Breakdowns() {
    }

    static Breakdown read(MongoCollection<Document> collection, Document match, List<? extends Dimension> groupBy,
            List<String> summarised) {
        Map<List<GroupKey>, Integer> groups = Summaries.counts(collection.aggregate(Pipelines.groups(match, groupBy))
                .allowDiskUse(true), groupBy);
        Map<String, NumericSummary> summaries = new LinkedHashMap<>();
        if (!summarised.isEmpty()) {
            Document tables = collection.aggregate(Pipelines.summaries(match, summarised)).allowDiskUse(true).first();
            for (String field : summarised) {
                summaries.put(field, Summaries.summary(tables == null ? List.of()
                        : tables.getList(field, Document.class, List.of())));
            }
        }
        return new Breakdown(groups, Map.copyOf(summaries));
    }
}
