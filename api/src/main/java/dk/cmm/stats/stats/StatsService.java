package dk.cmm.stats.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.bson.Document;
import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.hotline.HotlineCall;
import dk.cmm.stats.outreach.OutreachActivity;
import dk.cmm.stats.person.Person;

/**
 * Every statistic of the application: the GraphQL API, the CSV endpoint and the report all ask this service, so a
 * number can never differ between them. Each question is one aggregation pipeline from {@link Pipelines}, run in
 * MongoDB; only the small result is read back. Answers are cached per query and data version ({@link StatsCache}).
 */
@Service
@CacheConfig(cacheNames = StatsCache.NAME, keyGenerator = StatsCache.KEYS)
public class StatsService {

    /** More dimensions than this make cells too thin to be useful, and the cross product too large. */
    public static final int MAX_GROUP_BY = 4;

    /** The numeric fields a person breakdown summarises (age, days of stay). */
    static final List<String> PERSON_SUMMARIES = List.of("ageAtIdentification", "stayDays");

    private final MongoTemplate mongo;
    private final Codebook codebook;
    private final DimensionCodes dimensionCodes;

    public StatsService(MongoTemplate mongo, Codebook codebook, DimensionCodes dimensionCodes) {
        this.mongo = mongo;
        this.codebook = codebook;
        this.dimensionCodes = dimensionCodes;
    }

    @Cacheable(sync = true)
    public Stats personStats(PersonFilter filter, List<PersonDimension> groupBy, boolean includeEmpty) {
        PersonFilter f = filter == null ? PersonFilter.ALL : filter;
        checkPersonFilter(f);
        checkGroupBy(groupBy);
        Document result = aggregateOne(Person.COLLECTION,
                Pipelines.breakdown(Pipelines.personMatch(f), groupBy, PERSON_SUMMARIES));
        return toStats(result, groupBy, includeEmpty, summaryOf(result, "ageAtIdentification"),
                summaryOf(result, "stayDays"));
    }

    @Cacheable(sync = true)
    public Stats hotlineStats(HotlineFilter filter, List<HotlineDimension> groupBy, boolean includeEmpty) {
        HotlineFilter f = filter == null ? HotlineFilter.ALL : filter;
        checkGroupBy(groupBy);
        Document result = aggregateOne(HotlineCall.COLLECTION,
                Pipelines.breakdown(Pipelines.hotlineMatch(f), groupBy, List.of()));
        return toStats(result, groupBy, includeEmpty, null, null);
    }

    /** One row per combination of groupBy values that has activities, sorted by key. */
    @Cacheable(sync = true)
    public List<OutreachRow> outreachStats(OutreachFilter filter, List<OutreachDimension> groupBy) {
        OutreachFilter f = filter == null ? OutreachFilter.ALL : filter;
        checkGroupBy(groupBy);
        Document result = aggregateOne(OutreachActivity.COLLECTION,
                Pipelines.outreachMetrics(Pipelines.outreachMatch(f), groupBy));
        Map<Object, Integer> assessed = new java.util.HashMap<>();
        List<String> programmes = programmesMatching(f);
        if (!programmes.isEmpty()) {
            for (Document row : mongo.getCollection(Person.COLLECTION)
                    .aggregate(Pipelines.outreachAssessed(f.years(), programmes, groupBy))) {
                assessed.put(keyOf(row.get("_id", Document.class), groupBy), ((Number) row.get("n")).intValue());
            }
        }
        Map<Object, Document> flags = byKey(result, "flags", groupBy);
        Map<Object, Document> pseudonyms = byKey(result, "pseudonyms", groupBy);
        Map<Object, Document> nationalities = byKey(result, "nationalities", groupBy);
        Map<Object, Document> abortions = byKey(result, "abortions", groupBy);
        Map<Object, Document> perActivity = byKey(result, "perActivity", groupBy);
        Map<Object, Document> healthPerPerson = byKey(result, "healthPerPerson", groupBy);
        List<OutreachRow> rows = new ArrayList<>();
        for (Document activity : result.getList("activities", Document.class, List.of())) {
            List<GroupKey> key = keyOf(activity.get("_id", Document.class), groupBy);
            Document flag = flags.getOrDefault(key, new Document());
            Document people = pseudonyms.get(key);
            Document health = healthPerPerson.get(key);
            rows.add(new OutreachRow(key, intOf(activity, "activities"), intOf(activity, "contacts"),
                    people == null ? null : intOf(people, "n"), intOf(flag, "newPersons"),
                    intOf(activity, "observed"), intOf(activity, "observedNew"),
                    intOf(nationalities.getOrDefault(key, new Document()), "n"), intOf(flag, "healthServiceUses"),
                    intOf(abortions.getOrDefault(key, new Document()), "n"),
                    activity.getList("weeks", Object.class, List.of()).size(),
                    summary(perActivity.get(key)), health == null ? null : summary(health),
                    assessed.getOrDefault(key, 0)));
        }
        rows.sort(Comparator.comparing(row -> sortableKey(row.key())));
        return List.copyOf(rows);
    }

    /** Codes of the programmes an outreach filter selects (all programmes when it names none). */
    private List<String> programmesMatching(OutreachFilter f) {
        org.springframework.data.mongodb.core.query.Query query = new org.springframework.data.mongodb.core.query.Query();
        if (f.programme() != null && !f.programme().isEmpty()) {
            query.addCriteria(org.springframework.data.mongodb.core.query.Criteria.where("_id").in(f.programme()));
        }
        if (f.programmeKind() != null && !f.programmeKind().isEmpty()) {
            query.addCriteria(org.springframework.data.mongodb.core.query.Criteria.where("kind")
                    .in(Pipelines.names(f.programmeKind())));
        }
        if (f.city() != null && !f.city().isEmpty()) {
            query.addCriteria(org.springframework.data.mongodb.core.query.Criteria.where("city").in(f.city()));
        }
        return mongo.find(query, dk.cmm.stats.outreach.Programme.class).stream()
                .map(dk.cmm.stats.outreach.Programme::code).toList();
    }

    private static Map<Object, Document> byKey(Document facetResult, String facet,
            List<? extends Dimension> groupBy) {
        Map<Object, Document> rows = new java.util.HashMap<>();
        for (Document row : facetResult.getList(facet, Document.class, List.of())) {
            Object id = row.get("_id");
            rows.put(keyOf(id instanceof Document d ? d : new Document(), groupBy), row);
        }
        return rows;
    }

    private static List<GroupKey> keyOf(Document id, List<? extends Dimension> groupBy) {
        List<GroupKey> key = new ArrayList<>();
        for (int i = 0; i < groupBy.size(); i++) {
            Object value = id.get("d" + i);
            key.add(new GroupKey(groupBy.get(i).name(), value instanceof Number n && !(value instanceof Double)
                    ? String.valueOf(n.longValue()) : String.valueOf(value)));
        }
        return List.copyOf(key);
    }

    private static int intOf(Document doc, String field) {
        Object value = doc.get(field);
        return value instanceof Number n ? n.intValue() : 0;
    }

    private static NumericSummary summary(Document d) {
        if (d == null) {
            return NumericSummary.EMPTY;
        }
        return new NumericSummary(intOf(d, "count"), number(d, "min"), number(d, "max"), number(d, "mean"),
                number(d, "median"));
    }

    /** Years with any persons, outreach activities or hotline calls, ascending. */
    @Cacheable(sync = true)
    public List<Integer> years() {
        TreeSet<Integer> years = new TreeSet<>();
        years.addAll(distinctInts(Person.COLLECTION, "assessmentYear"));
        years.addAll(distinctInts(OutreachActivity.COLLECTION, "year"));
        years.addAll(distinctInts(HotlineCall.COLLECTION, "year"));
        return List.copyOf(years);
    }

    /**
     * Counts per combination of the given stored fields of a collection (all records, or one year's), each row an
     * {@code _id} with {@code f0, f1, ...} and a count {@code n}: the exact cells of disclosure control's tables.
     */
    public List<Document> cellCounts(String collection, String yearField, Integer year, List<String> fields) {
        return mongo.getCollection(collection).aggregate(Pipelines.cellCounts(yearField, year, fields))
                .allowDiskUse(true).into(new ArrayList<>());
    }

    /** Years in which persons were assessed, ascending. */
    @Cacheable(sync = true)
    public List<Integer> assessmentYears() {
        return distinctInts(Person.COLLECTION, "assessmentYear");
    }

    private List<Integer> distinctInts(String collection, String field) {
        List<Integer> values = new ArrayList<>();
        for (Document doc : mongo.getCollection(collection).aggregate(Pipelines.distinct(field))) {
            values.add(((Number) doc.get("_id")).intValue());
        }
        return values;
    }

    Document aggregateOne(String collection, List<Document> pipeline) {
        Document first = mongo.getCollection(collection).aggregate(pipeline).allowDiskUse(true).first();
        return first == null ? new Document() : first;
    }

    Stats toStats(Document facetResult, List<? extends Dimension> groupBy, boolean includeEmpty,
            NumericSummary age, NumericSummary stayDays) {
        int total = facetResult.getList("total", Document.class, List.of()).stream()
                .findFirst().map(d -> ((Number) d.get("n")).intValue()).orElse(0);
        Map<List<GroupKey>, Integer> counts = new LinkedHashMap<>();
        for (Document group : facetResult.getList("groups", Document.class, List.of())) {
            counts.put(keyOf(group.get("_id", Document.class), groupBy), ((Number) group.get("count")).intValue());
        }
        if (includeEmpty && !groupBy.isEmpty()) {
            for (List<GroupKey> key : dimensionCodes.crossProduct(groupBy)) {
                counts.putIfAbsent(key, 0);
            }
        }
        List<Group> groups = new ArrayList<>();
        if (!groupBy.isEmpty()) {
            counts.forEach((key, count) -> groups.add(new Group(key, count, total == 0 ? 0 : (double) count / total)));
        }
        groups.sort(Comparator.comparingInt(Group::count).reversed().thenComparing(g -> sortableKey(g.key())));
        return new Stats(total, List.copyOf(groups), age, stayDays);
    }

    /** Codes in key order, numbers padded so that 2011 < 2012 and 9 < 10 sort as numbers. */
    private static String sortableKey(List<GroupKey> keys) {
        StringBuilder text = new StringBuilder();
        for (GroupKey key : keys) {
            String code = key.code();
            text.append(code.chars().allMatch(Character::isDigit) ? "%012d".formatted(Long.parseLong(code)) : code)
                    .append('\u0000');
        }
        return text.toString();
    }

    static NumericSummary summaryOf(Document facetResult, String field) {
        return summary(facetResult.getList(field, Document.class, List.of()).stream().findFirst().orElse(null));
    }

    private static Double number(Document doc, String field) {
        Object value = doc.get(field);
        return value instanceof Number n ? n.doubleValue() : null;
    }

    /** Refuses a filter that cannot match as meant: an unknown nationality, a negative or empty age range. */
    void checkPersonFilter(PersonFilter f) {
        if (f.nationality() != null) {
            for (String code : f.nationality()) {
                if (codebook.country(code).isEmpty() || !code.equals(code.toUpperCase(java.util.Locale.ROOT))) {
                    throw new InvalidQueryException("filter.nationality", "Unknown nationality code '" + code
                            + "': use an ISO 3166-1 alpha-2 code in capitals, e.g. NG, RO, TH");
                }
            }
        }
        if (f.ageMin() != null && f.ageMax() != null && f.ageMin() > f.ageMax()) {
            throw new InvalidQueryException("filter.ageMin", "ageMin (" + f.ageMin() + ") is greater than ageMax ("
                    + f.ageMax() + ")");
        }
        if ((f.ageMin() != null && f.ageMin() < 0) || (f.ageMax() != null && f.ageMax() < 0)) {
            throw new InvalidQueryException("filter.ageMin", "ages cannot be negative");
        }
    }

    void checkGroupBy(List<? extends Dimension> groupBy) {
        if (groupBy.size() > MAX_GROUP_BY) {
            throw new InvalidQueryException("groupBy", "groupBy takes at most " + MAX_GROUP_BY + " dimensions, got "
                    + groupBy.size());
        }
        if (new TreeSet<>(groupBy.stream().map(Dimension::name).toList()).size() != groupBy.size()) {
            throw new InvalidQueryException("groupBy", "groupBy names a dimension twice: " + groupBy);
        }
    }
}
