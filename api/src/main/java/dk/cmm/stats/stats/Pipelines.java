package dk.cmm.stats.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
 * handed to the driver as it is (the benchmark, explain), computed group keys ({@code _id.d0}) and {@code $facet}
 * sub-pipelines are written exactly as the manual shows them without the typed field-reference checks that
 * reject such paths, and the stage-by-stage text can be checked against the manual. The results are decoded into
 * records at once inside this package ({@link Breakdowns}, {@link Summaries}); no {@code Document} leaves it.
 */
final class Pipelines {

    /**
     * Documents per reply when {@code stats} reads records with a {@code find} (about 100 bytes each): a read rather
     * than an aggregation where the records themselves are wanted, because mongo-java-server answers an aggregation
     * in one reply whatever the batch size, and at 200,000 persons that reply passes the driver's 48 MB limit.
     */
    static final int READ_BATCH = 10_000;

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
     * The group counts of a breakdown, as rows {@code {_id: {d0, d1, ...}, count}} of their own {@code $group}: read
     * as a cursor (with {@code allowDiskUse}, so the {@code $group} spills past 100 MB on mongod), never gathered into
     * one document. A breakdown over four dimensions at 200,000 persons can have more than 100,000 groups, more than
     * the 16 MB a single result document may hold (the limit of a {@code $facet}'s output, which cannot spill).
     * The total is their sum, as every document falls in exactly one group.
     */
    static List<Document> groups(Document match, List<? extends Dimension> groupBy) {
        return List.of(
                match,
                new Document("$group", new Document("_id", groupKey(groupBy)).append("count", new Document("$sum", 1))));
    }

    /**
     * The frequency tables of the summarised fields, one per field, in one {@code $facet} document: small whatever
     * the data (one row per distinct value of an age or a number of days), so one round trip answers them all.
     */
    static List<Document> summaries(Document match, List<String> summarised) {
        Document facets = new Document();
        for (String field : summarised) {
            facets.append(field, frequencies(field));
        }
        return List.of(match, new Document("$facet", facets));
    }

    /**
     * The criteria that select what any of the given criteria selects: their OR, where the criteria that are one
     * {@code $in} on the same field merge into one {@code $in} of all their values; one criterion when that is all
     * there is; none (everything) when one of them selects everything.
     */
    static Document anyOf(List<Document> criteria) {
        Map<String, Set<Object>> inByField = new LinkedHashMap<>();
        Set<Document> others = new LinkedHashSet<>();
        for (Document c : criteria) {
            if (c.isEmpty()) {
                return new Document();
            }
            String field = c.keySet().iterator().next();
            Collection<?> values = onlyIn(c, field);
            if (values != null) {
                inByField.computeIfAbsent(field, k -> new LinkedHashSet<>()).addAll(values);
            } else {
                others.add(c);
            }
        }
        List<Document> clauses = new ArrayList<>();
        inByField.forEach((field, values) -> clauses.add(new Document(field, new Document("$in",
                new ArrayList<>(values)))));
        clauses.addAll(others);
        return clauses.size() == 1 ? clauses.get(0) : new Document("$or", clauses);
    }

    /** The listed values when the criteria are exactly {@code {field: {$in: values}}}; else null. */
    static Collection<?> onlyIn(Document criteria, String field) {
        return criteria.size() == 1 && criteria.get(field) instanceof Document condition && condition.size() == 1
                && condition.get("$in") instanceof Collection<?> values ? values : null;
    }

    /**
     * The criteria of the outreach activities a filter selects: the year fields of {@link FilterField#OUTREACH} as
     * they are stored on the activity, and when the filter names programmes, kinds or cities, the activities whose
     * programme is one of {@code programmes}: the codes of the programme records that match them
     * ({@code outreach.Programmes.codesMatching}). A programme's kind and city are read from its record, never from
     * the activity, so the activities and the persons met through a programme are selected alike.
     */
    static Document outreachCriteria(OutreachFilter f, List<String> programmes) {
        Map<Boolean, List<FilterField<OutreachFilter>>> byProgramme = FilterField.OUTREACH.stream().collect(
                Collectors.partitioningBy(field -> ((OutreachDimension) field.dimension()).selectsProgrammes()));
        Document criteria = criteria(byProgramme.get(false), f);
        if (byProgramme.get(true).stream().anyMatch(field -> field.isSet(f))) {
            criteria.append(OutreachDimension.PROGRAMME.field(), new Document("$in", programmes));
        }
        return criteria;
    }

    /** A projection of the given fields and nothing else (not even {@code _id}). */
    static Document fieldsOnly(List<String> fields) {
        Document projection = new Document();
        fields.forEach(field -> projection.append(field, 1));
        return projection.append("_id", 0);
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
     * The frequency table of a numeric field: one row {@code {_id: value, n}} per distinct value, and one with
     * {@code _id: null} for the documents without it (missing and null group together), which {@link Summaries}
     * skips as it skips anything not a number. Count, min, max, mean and the exact median are read from it, so no
     * stage holds every value: a {@code $push} of all values inside {@code $facet} cannot spill to disk and fails on
     * mongod past 100 MB per stage or 16 MB of facet result, whatever {@code allowDiskUse} says ($median needs 7.0,
     * and the embedded server lacks it). No {@code $match} on the field first: on the embedded server that match
     * was a third of an uncached breakdown's time.
     */
    static List<Document> frequencies(String field) {
        return List.of(new Document("$group", new Document("_id", "$" + field).append("n", new Document("$sum", 1))));
    }

    /** {@code $match} on hotline calls, from {@link FilterField#HOTLINE}. */
    static Document hotlineMatch(HotlineFilter f) {
        return new Document("$match", criteria(FilterField.HOTLINE, f));
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
                case PROGRAMME_KIND, CITY -> new Document("$arrayElemAt",
                        List.of("$programmeRecord." + groupBy.get(i).field(), 0));
            };
            key.append("d" + i, new Document("$ifNull", List.of(value, Codebook.UNKNOWN)));
        }
        List<Document> stages = new ArrayList<>();
        stages.add(new Document("$match", match));
        if (groupBy.stream().anyMatch(OutreachDimension::ofProgrammeRecord)) {
            stages.add(new Document("$lookup", new Document("from", "programmes").append("localField",
                    "contactProgramme").append("foreignField", "_id").append("as", "programmeRecord")));
        }
        stages.add(new Document("$group", new Document("_id", groupBy.isEmpty() ? null : key)
                .append("n", new Document("$sum", 1))));
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
