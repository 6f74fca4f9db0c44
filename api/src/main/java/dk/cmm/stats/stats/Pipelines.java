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
     * One page of persons in case-reference order, with the same {@code $match} as the statistics: the filter, the
     * sort on {@code _id}, then a {@code $facet} with the total, whether any match lies before the cursor, and up to
     * {@code limit} persons after it.
     */
    static List<Document> personPage(PersonFilter f, String afterCaseRef, int limit) {
        Document facets = new Document("total", List.of(new Document("$count", "n")));
        if (afterCaseRef == null) {
            facets.append("page", List.of(new Document("$limit", limit)));
        } else {
            facets.append("before", List.of(
                    new Document("$match", new Document("_id", new Document("$lte", afterCaseRef))),
                    new Document("$limit", 1),
                    new Document("$count", "n")));
            facets.append("page", List.of(
                    new Document("$match", new Document("_id", new Document("$gt", afterCaseRef))),
                    new Document("$limit", limit)));
        }
        return List.of(
                personMatch(f),
                new Document("$sort", new Document("_id", 1)),
                new Document("$facet", facets));
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
     * Count, min, max, mean and median of a numeric field over the documents that have it. The median is read from
     * the middle of the values sorted in the pipeline (MongoDB's $median needs 7.0, and the embedded server lacks it).
     */
    static List<Document> summary(String field) {
        List<Document> stages = new ArrayList<>();
        stages.add(new Document("$match", new Document(field, new Document("$exists", true).append("$ne", null))));
        stages.add(new Document("$project", new Document("_id", 0).append("v", "$" + field)));
        stages.addAll(summaryOfV()); // no k: one group with _id null
        return stages;
    }

    /**
     * The summary stages over documents of the form {@code {k: groupKey, v: number}}: one result per k with count,
     * min, max, mean and median.
     */
    static List<Document> summaryOfV() {
        Document middle = new Document("$divide", List.of(new Document("$subtract", List.of("$count", 1)), 2));
        return List.of(
                new Document("$sort", new Document("v", 1)),
                new Document("$group", new Document("_id", "$k")
                        .append("count", new Document("$sum", 1))
                        .append("min", new Document("$min", "$v"))
                        .append("max", new Document("$max", "$v"))
                        .append("mean", new Document("$avg", "$v"))
                        .append("values", new Document("$push", "$v"))),
                new Document("$project", new Document("_id", 1)
                        .append("count", 1).append("min", 1).append("max", 1).append("mean", 1)
                        .append("median", new Document("$avg", List.of(
                                new Document("$arrayElemAt", List.of("$values", new Document("$floor", middle))),
                                new Document("$arrayElemAt", List.of("$values", new Document("$ceil", middle))))))));
    }

    /** {@code $match} on hotline calls. */
    static Document hotlineMatch(HotlineFilter f) {
        Document match = new Document();
        in(match, "year", f.years());
        in(match, "callerType", names(f.callerType()));
        in(match, "reason", names(f.reason()));
        return new Document("$match", match);
    }

    /** {@code $match} on outreach activities. */
    static Document outreachMatch(OutreachFilter f) {
        Document match = new Document();
        in(match, "year", f.years());
        in(match, "programme", f.programme());
        in(match, "programmeKind", names(f.programmeKind()));
        in(match, "city", f.city());
        return new Document("$match", match);
    }

    /**
     * One pipeline for every outreach metric: per group key, the activity sums, the contact counts, distinct
     * pseudonyms, nationalities and weeks, abortion referrals, and summaries of contacts per activity and of health
     * service uses per person, each a facet over the same filtered activities.
     */
    static List<Document> outreachMetrics(Document match, List<OutreachDimension> groupBy) {
        Document key = groupKey(groupBy);
        Document contactCount = new Document("$size", new Document("$ifNull", List.of("$contacts", List.of())));
        Document unwindContacts = new Document("$unwind", "$contacts");
        Document facets = new Document()
                .append("activities", List.of(new Document("$group", new Document("_id", key)
                        .append("activities", new Document("$sum", 1))
                        .append("contacts", new Document("$sum", contactCount))
                        .append("observed", new Document("$sum", new Document("$ifNull", List.of("$observed", 0))))
                        .append("observedNew", new Document("$sum",
                                new Document("$ifNull", List.of("$observedNew", 0))))
                        .append("weeks", new Document("$addToSet", "$isoWeek")))))
                .append("flags", List.of(unwindContacts, new Document("$group", new Document("_id", key)
                        .append("newPersons", countIf("$contacts.newPerson"))
                        .append("healthServiceUses", countIf("$contacts.healthServiceUsed")))))
                .append("pseudonyms", distinctPerKey(key, unwindContacts, "contacts.pseudonym"))
                .append("nationalities", distinctPerKey(key, unwindContacts, "contacts.nationality"))
                .append("abortions", List.of(unwindContacts, new Document("$unwind", "$contacts.referrals"),
                        new Document("$match", new Document("contacts.referrals", "ABORTION")),
                        new Document("$group", new Document("_id", key).append("n", new Document("$sum", 1)))))
                .append("perActivity", concat(
                        new Document("$project", new Document("_id", 0).append("k", key).append("v", contactCount)),
                        summaryOfV()))
                .append("healthPerPerson", concat(unwindContacts,
                        new Document("$match", new Document("contacts.healthServiceUsed", true)
                                .append("contacts.pseudonym", new Document("$exists", true).append("$ne", null))),
                        new Document("$group", new Document("_id", new Document("k", key)
                                .append("p", "$contacts.pseudonym")).append("uses", new Document("$sum", 1))),
                        new Document("$project", new Document("_id", 0).append("k", "$_id.k").append("v", "$uses")),
                        summaryOfV()));
        return List.of(match, new Document("$facet", facets));
    }

    /**
     * Persons assessed whose contact programme is one of {@code programmes}, grouped by the outreach dimensions:
     * the programme's kind and city come from the programme records ($lookup), the year from the assessment year
     * and the month from the assessment date.
     */
    static List<Document> outreachAssessed(List<Integer> years, List<String> programmes,
            List<OutreachDimension> groupBy) {
        Document match = new Document("contactProgramme", new Document("$in", programmes));
        in(match, "assessmentYear", years);
        Document key = new Document();
        for (int i = 0; i < groupBy.size(); i++) {
            Object value = switch (groupBy.get(i)) {
                case YEAR -> "$assessmentYear";
                case MONTH -> new Document("$month", "$assessmentDate");
                case PROGRAMME -> "$contactProgramme";
                case PROGRAMME_KIND -> new Document("$arrayElemAt", List.of("$programmeRecord.kind", 0));
                case CITY -> new Document("$arrayElemAt", List.of("$programmeRecord.city", 0));
            };
            key.append("d" + i, new Document("$ifNull", List.of(value, dk.cmm.stats.codebook.Codebook.UNKNOWN)));
        }
        List<Document> stages = new ArrayList<>();
        stages.add(new Document("$match", match));
        if (groupBy.contains(OutreachDimension.PROGRAMME_KIND) || groupBy.contains(OutreachDimension.CITY)) {
            stages.add(new Document("$lookup", new Document("from", "programmes").append("localField",
                    "contactProgramme").append("foreignField", "_id").append("as", "programmeRecord")));
        }
        stages.add(new Document("$group", new Document("_id", key).append("n", new Document("$sum", 1))));
        return stages;
    }

    private static Document countIf(String booleanField) {
        return new Document("$sum", new Document("$cond", List.of(new Document("$eq", List.of(booleanField, true)),
                1, 0)));
    }

    private static List<Document> distinctPerKey(Document key, Document unwind, String field) {
        return List.of(unwind,
                new Document("$match", new Document(field, new Document("$exists", true).append("$ne", null))),
                new Document("$group", new Document("_id", new Document("k", key).append("v", "$" + field))),
                new Document("$group", new Document("_id", "$_id.k").append("n", new Document("$sum", 1))));
    }

    private static List<Document> concat(Object... parts) {
        List<Document> stages = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof Document stage) {
                stages.add(stage);
            } else {
                @SuppressWarnings("unchecked")
                List<Document> list = (List<Document>) part;
                stages.addAll(list);
            }
        }
        return stages;
    }

    /**
     * Counts per combination of stored fields (key {@code f0, f1, ...}, an absent value as UNKNOWN), optionally
     * within one year: the exact cells that disclosure control protects.
     */
    static List<Document> cellCounts(String yearField, Integer year, List<String> fields) {
        Document key = new Document();
        for (int i = 0; i < fields.size(); i++) {
            key.append("f" + i, new Document("$ifNull", List.of("$" + fields.get(i), Codebook.UNKNOWN)));
        }
        List<Document> stages = new ArrayList<>();
        if (year != null) {
            stages.add(new Document("$match", new Document(yearField, year)));
        }
        stages.add(new Document("$group", new Document("_id", key).append("n", new Document("$sum", 1))));
        return stages;
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
