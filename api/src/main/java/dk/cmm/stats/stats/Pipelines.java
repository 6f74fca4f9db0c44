package dk.cmm.stats.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bson.Document;

import dk.cmm.stats.codebook.Codebook;

/**
 * Builds every aggregation pipeline of the application: the one place that knows how statistics are computed in
 * MongoDB. Only standard stages and operators that real MongoDB (4.4 and later) and the embedded server share are
 * used; group keys come from stored fields (region, age group, year, month are derived on write), so no date
 * arithmetic or $switch is needed.
 */
final class Pipelines {

    private Pipelines() {
    }

    /** {@code $match} on persons. */
    static Document personMatch(PersonFilter f) {
        Document match = new Document();
        in(match, "assessmentYear", f.assessmentYears());
        in(match, "assessedBy", names(f.assessedBy()));
        in(match, "contactChannel", names(f.contactChannel()));
        in(match, "contactProgramme", f.contactProgramme());
        in(match, "nationality", f.nationality());
        in(match, "region", names(f.region()));
        in(match, "gender", names(f.gender()));
        in(match, "exploitation", names(f.exploitation()));
        in(match, "labourSector", names(f.labourSector()));
        in(match, "status", names(f.status()));
        in(match, "outcomeYear", f.outcomeYears());
        in(match, "accommodation", names(f.accommodation()));
        if (f.ageMin() != null || f.ageMax() != null) {
            Document range = new Document();
            if (f.ageMin() != null) {
                range.append("$gte", f.ageMin());
            }
            if (f.ageMax() != null) {
                range.append("$lte", f.ageMax());
            }
            match.append("ageAtIdentification", range);
        }
        return new Document("$match", match);
    }

    /**
     * One pipeline for a breakdown: the filter, then a {@code $facet} that counts the total, the groups and (for
     * each summarised field) count, min, max, mean and median, so that one round trip answers the whole query.
     */
    static List<Document> breakdown(Document match, List<? extends Dimension> groupBy, List<String> summarised) {
        Document facets = new Document()
                .append("total", List.of(new Document("$count", "n")))
                .append("groups", List.of(new Document("$group", new Document("_id", groupKey(groupBy))
                        .append("count", new Document("$sum", 1)))));
        for (String field : summarised) {
            facets.append(field, summary(field));
        }
        return List.of(match, new Document("$facet", facets));
    }

    /** The group key: one entry per dimension, absent values as UNKNOWN. */
    static Document groupKey(List<? extends Dimension> groupBy) {
        Document key = new Document();
        for (int i = 0; i < groupBy.size(); i++) {
            key.append("d" + i, new Document("$ifNull", List.of("$" + groupBy.get(i).field(), Codebook.UNKNOWN)));
        }
        return key;
    }

    /**
     * Count, min, max, mean and median of a numeric field. The median is read from the middle of the values sorted
     * in the pipeline (MongoDB's $median needs 7.0, and the embedded server lacks it).
     */
    static List<Document> summary(String field) {
        Document middle = new Document("$divide", List.of(new Document("$subtract", List.of("$count", 1)), 2));
        return List.of(
                new Document("$match", new Document(field, new Document("$exists", true).append("$ne", null))),
                new Document("$sort", new Document(field, 1)),
                new Document("$group", new Document("_id", null)
                        .append("count", new Document("$sum", 1))
                        .append("min", new Document("$min", "$" + field))
                        .append("max", new Document("$max", "$" + field))
                        .append("mean", new Document("$avg", "$" + field))
                        .append("values", new Document("$push", "$" + field))),
                new Document("$project", new Document("_id", 0)
                        .append("count", 1).append("min", 1).append("max", 1).append("mean", 1)
                        .append("median", new Document("$avg", List.of(
                                new Document("$arrayElemAt", List.of("$values", new Document("$floor", middle))),
                                new Document("$arrayElemAt", List.of("$values", new Document("$ceil", middle))))))));
    }

    /** Distinct values of a field, ascending. */
    static List<Document> distinct(String field) {
        return List.of(
                new Document("$match", new Document(field, new Document("$exists", true).append("$ne", null))),
                new Document("$group", new Document("_id", "$" + field)),
                new Document("$sort", new Document("_id", 1)));
    }

    static void in(Document match, String field, Collection<?> values) {
        if (values != null && !values.isEmpty()) {
            match.append(field, new Document("$in", new ArrayList<>(values)));
        }
    }

    static List<String> names(Collection<? extends Enum<?>> values) {
        return values == null ? null : values.stream().map(Enum::name).toList();
    }
}
