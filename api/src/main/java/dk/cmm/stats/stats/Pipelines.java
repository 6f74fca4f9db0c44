package dk.cmm.stats.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bson.Document;

import dk.cmm.stats.codebook.Codebook;

/**
 * Builds every aggregation pipeline of the application: the one place that knows how statistics are computed in
 * MongoDB. Only standard stages and operators that real MongoDB (4.4 and later) and the embedded server share are
 * used, written to mongod's documented semantics; group keys come from stored fields (region, age group, year,
 * month are derived on write), so no date arithmetic or $switch is needed. Every {@code $match} comes from the one
 * table of filter fields ({@link FilterField}).
 * <p>
 * Pipelines are built as BSON documents rather than with spring-data's {@code Aggregation} API: the same pipeline is
 * handed to the driver as it is (the benchmark, explain), {@code $facet} sub-pipelines with computed group keys
 * ({@code _id.d0}) are written exactly as the manual shows them without the typed field-reference checks that
 * reject such paths, and the stage-by-stage text can be checked against the manual. The results are decoded into
 * records at once inside this package ({@link StatsService}, {@link Summaries}); no {@code Document} leaves it.
 */
final class Pipelines {

    private Pipelines() {
    }

    /** {@code $match} on persons, from {@link FilterField#PERSON}. */
    static Document personMatch(PersonFilter f) {
        return new Document("$match", criteria(FilterField.PERSON, f));
    }

    /**
     * The criteria of a filter, from its table of fields: a list as {@code $in}, bounds as {@code $gte}/{@code $lte};
     * fields on the same stored field (assessmentYears and yearFrom/yearTo, ageMin and ageMax) merge into one
     * condition, so they combine with AND.
     */
    static <F> Document criteria(List<FilterField<F>> table, F filter) {
        Document criteria = new Document();
        for (FilterField<F> field : table) {
            if (!field.isSet(filter)) {
                continue;
            }
            Document condition = (Document) criteria.computeIfAbsent(field.field(), k -> new Document());
            switch (field.match()) {
                case ANY_OF -> condition.append("$in", field.values(filter));
                case AT_LEAST -> condition.append("$gte", field.bound(filter));
                case AT_MOST -> condition.append("$lte", field.bound(filter));
            }
        }
        return criteria;
    }

    /**
     * One page of persons in case-reference order: the filter and the cursor ({@code _id > after}) in the first
     * {@code $match}, so that mongod walks the {@code _id} index from the cursor on, then {@code $sort} and
     * {@code $limit}. Nothing reads past the page; the total and "anything before" are separate questions
     * ({@link #personCount}, {@link #personBefore}).
     */
    static List<Document> personPage(PersonFilter f, String afterCaseRef, int limit) {
        Document criteria = criteria(FilterField.PERSON, f);
        if (afterCaseRef != null) {
            criteria.append("_id", new Document("$gt", afterCaseRef));
        }
        return List.of(
                new Document("$match", criteria),
                new Document("$sort", new Document("_id", 1)),
                new Document("$limit", limit));
    }

    /** How many persons a filter matches: one document {@code {n}}, none when there are none. */
    static List<Document> personCount(PersonFilter f) {
        return List.of(personMatch(f), new Document("$count", "n"));
    }

    /** Whether any person the filter matches sorts at or before the cursor: one document or none. */
    static List<Document> personBefore(PersonFilter f, String afterCaseRef) {
        Document criteria = criteria(FilterField.PERSON, f);
        criteria.append("_id", new Document("$lte", afterCaseRef));
        return List.of(
                new Document("$match", criteria),
                new Document("$limit", 1),
                new Document("$project", new Document("_id", 1)));
    }

    /** How many persons a filter matches that also have {@code flag: true}: one document {@code {n}} or none. */
    static List<Document> personCountWithFlag(PersonFilter f, String flag) {
        Document criteria = criteria(FilterField.PERSON, f);
        criteria.append(flag, true);
        return List.of(new Document("$match", criteria), new Document("$count", "n"));
    }

    /**
     * One pipeline for a breakdown: the filter, then a {@code $facet} with the group counts and, for each summarised
     * field, its frequency table (see {@link #facets}), so that one round trip answers the whole query.
     */
    static List<Document> breakdown(Document match, List<? extends Dimension> groupBy, List<String> summarised) {
        return List.of(match, new Document("$facet", facets(new Document(), "", null, groupBy, summarised)));
    }

    /**
     * Several person breakdowns in one pass: an outer {@code $match} that is the OR of the queries' criteria (none
     * when one of them selects everything), then one {@code $facet} holding each query's own {@code $match} and
     * its facets under the prefix {@code q<i>_}. Each facet's result is one array in the single result document,
     * which mongod limits to 16 MB: group counts and frequency tables are small (a few thousand entries at most).
     */
    static List<Document> batch(List<Document> criteria, List<List<PersonDimension>> groupBys,
            List<String> summarised) {
        Document facets = new Document();
        for (int i = 0; i < criteria.size(); i++) {
            facets(facets, "q" + i + "_", criteria.get(i), groupBys.get(i), summarised);
        }
        List<Document> distinct = criteria.stream().distinct().toList();
        Document outer = distinct.stream().anyMatch(Document::isEmpty) ? new Document()
                : distinct.size() == 1 ? distinct.get(0) : new Document("$or", distinct);
        return List.of(new Document("$match", outer), new Document("$facet", facets));
    }

    /**
     * The facets of one breakdown, each under {@code prefix}: {@code groups} (a count per group key; the total is
     * their sum, as every document falls in exactly one group) and, per summarised field, its frequency table. With
     * {@code criteria} each facet starts with that {@code $match} (the batch); without, the pipeline has matched.
     */
    static Document facets(Document facets, String prefix, Document criteria, List<? extends Dimension> groupBy,
            List<String> summarised) {
        facets.append(prefix + "groups", concat(within(criteria),
                new Document("$group", new Document("_id", groupKey(groupBy)).append("count", new Document("$sum",
                        1)))));
        for (String field : summarised) {
            facets.append(prefix + field, concat(within(criteria), frequencies(field)));
        }
        return facets;
    }

    private static List<Document> within(Document criteria) {
        return criteria == null ? List.of() : List.of(new Document("$match", criteria));
    }

    /**
     * The group key: one entry per dimension, absent values as UNKNOWN; null (one group of all documents, as the
     * manual documents for {@code $group}) when there is no dimension.
     */
    static Document groupKey(List<? extends Dimension> groupBy) {
        if (groupBy.isEmpty()) {
            return null;
        }
        Document key = new Document();
        for (int i = 0; i < groupBy.size(); i++) {
            key.append("d" + i, new Document("$ifNull", List.of("$" + groupBy.get(i).field(), Codebook.UNKNOWN)));
        }
        return key;
    }

    /**
     * The frequency table of a numeric field over the documents that have it: one row {@code {_id: value, n}} per
     * distinct value. Count, min, max, mean and the exact median are read from it ({@link Summaries}), so no stage
     * holds every value: a {@code $push} of all values inside {@code $facet} cannot spill to disk and fails on
     * mongod past 100 MB per stage or 16 MB of facet result, whatever {@code allowDiskUse} says ($median needs 7.0,
     * and the embedded server lacks it).
     */
    static List<Document> frequencies(String field) {
        return List.of(
                new Document("$match", new Document(field, new Document("$exists", true).append("$ne", null))),
                new Document("$group", new Document("_id", "$" + field).append("n", new Document("$sum", 1))));
    }

    /**
     * The frequency table of a value per group key: one row {@code {_id: {k: key, v: value}, n}} per key and
     * distinct value (see {@link #frequencies}).
     */
    static Document frequenciesByKey(Object key, Object value) {
        return new Document("$group", new Document("_id", new Document("k", key).append("v", value))
                .append("n", new Document("$sum", 1)));
    }

    /** {@code $match} on hotline calls, from {@link FilterField#HOTLINE}. */
    static Document hotlineMatch(HotlineFilter f) {
        return new Document("$match", criteria(FilterField.HOTLINE, f));
    }

    /** {@code $match} on outreach activities, from {@link FilterField#OUTREACH}. */
    static Document outreachMatch(OutreachFilter f) {
        return new Document("$match", criteria(FilterField.OUTREACH, f));
    }

    /**
     * One pipeline for every outreach metric: per group key, the activity sums, the contact counts, distinct
     * pseudonyms, nationalities and weeks, abortion referrals, and summaries of contacts per activity and of health
     * service uses per person (as frequency tables), each a facet over the same filtered activities. Without
     * groupBy every key is null: one group, and no {@code $project} of an empty key (mongod refuses an empty
     * sub-projection, error 51270).
     */
    static List<Document> outreachMetrics(Document match, List<OutreachDimension> groupBy) {
        Object key = groupKey(groupBy);
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
                .append("perActivity", List.of(frequenciesByKey(key, contactCount)))
                .append("healthPerPerson", List.of(unwindContacts,
                        new Document("$match", new Document("contacts.healthServiceUsed", true)
                                .append("contacts.pseudonym", new Document("$exists", true).append("$ne", null))),
                        new Document("$group", new Document("_id", new Document("k", key)
                                .append("p", "$contacts.pseudonym")).append("uses", new Document("$sum", 1))),
                        frequenciesByKey("$_id.k", "$uses")));
        return List.of(match, new Document("$facet", facets));
    }

    /**
     * Persons assessed whose contact programme is one of {@code programmes}, grouped by the outreach dimensions:
     * the programme's kind and city come from the programme records ($lookup), the year and the month from the
     * assessment year and month stored on write (never {@code $month} of the stored date: mongod takes it in UTC, the
     * embedded server in the JVM's zone, and the date was stored as midnight in the writer's zone).
     */
    static List<Document> outreachAssessed(List<Integer> years, Integer yearFrom, Integer yearTo,
            List<String> programmes, List<OutreachDimension> groupBy) {
        Document match = new Document("contactProgramme", new Document("$in", programmes));
        match.putAll(criteria(List.of(FilterField.named(FilterField.PERSON, "assessmentYears"),
                FilterField.named(FilterField.PERSON, "yearFrom"), FilterField.named(FilterField.PERSON, "yearTo")),
                PersonFilter.builder().assessmentYears(years).yearFrom(yearFrom).yearTo(yearTo).build()));
        Document key = new Document();
        for (int i = 0; i < groupBy.size(); i++) {
            Object value = switch (groupBy.get(i)) {
                case YEAR -> "$assessmentYear";
                case MONTH -> "$assessmentMonth";
                case PROGRAMME -> "$contactProgramme";
                case PROGRAMME_KIND -> new Document("$arrayElemAt", List.of("$programmeRecord.kind", 0));
                case CITY -> new Document("$arrayElemAt", List.of("$programmeRecord.city", 0));
            };
            key.append("d" + i, new Document("$ifNull", List.of(value, Codebook.UNKNOWN)));
        }
        List<Document> stages = new ArrayList<>();
        stages.add(new Document("$match", match));
        if (groupBy.contains(OutreachDimension.PROGRAMME_KIND) || groupBy.contains(OutreachDimension.CITY)) {
            stages.add(new Document("$lookup", new Document("from", "programmes").append("localField",
                    "contactProgramme").append("foreignField", "_id").append("as", "programmeRecord")));
        }
        stages.add(new Document("$group", new Document("_id", groupBy.isEmpty() ? null : key)
                .append("n", new Document("$sum", 1))));
        return stages;
    }

    private static Document countIf(String booleanField) {
        return new Document("$sum", new Document("$cond", List.of(new Document("$eq", List.of(booleanField, true)),
                1, 0)));
    }

    private static List<Document> distinctPerKey(Object key, Document unwind, String field) {
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

    static List<String> names(Collection<? extends Enum<?>> values) {
        return values == null ? null : values.stream().map(Enum::name).toList();
    }
}
