package dk.cmm.stats.stats;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.interceptor.KeyGenerator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import dk.cmm.stats.codebook.AgeGroup;
import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.codebook.Exploitation;
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

    /** The numeric fields a person breakdown summarises (age, days of stay). */
    static final List<String> PERSON_SUMMARIES = List.of("ageAtIdentification", "stayDays");

    /** The oldest age an age range is walked to when it has no upper bound (the validator's limit is lower). */
    private static final int MAX_AGE = 130;

    /** The most years an open-ended year range asks for (a guard against a typing error such as 99999). */
    private static final int MAX_YEARS_ASKED = 500;

    /** The flag {@link #returnSupportEquivalentToIom} counts. */
    static final String RETURN_SUPPORT_FLAG = "returnSupportEquivalentToIom";

    /** The single-query methods, whose cache keys the batch shares. */
    private static final Method SINGLE_PERSON_STATS;
    private static final Method SINGLE_RETURN_SUPPORT;

    static {
        try {
            SINGLE_PERSON_STATS = StatsService.class.getMethod("personStats", PersonFilter.class, List.class,
                    boolean.class);
            SINGLE_RETURN_SUPPORT = StatsService.class.getMethod("returnSupportEquivalentToIom", PersonFilter.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MongoTemplate mongo;
    private final Codebook codebook;
    private final DimensionCodes dimensionCodes;
    private final CacheManager cacheManager;
    private final KeyGenerator keyGenerator;
    private final QueryRules rules;

    public StatsService(MongoTemplate mongo, Codebook codebook, DimensionCodes dimensionCodes,
            CacheManager cacheManager, @Qualifier(StatsCache.KEYS) KeyGenerator keyGenerator, QueryRules rules) {
        this.mongo = mongo;
        this.codebook = codebook;
        this.dimensionCodes = dimensionCodes;
        this.cacheManager = cacheManager;
        this.keyGenerator = keyGenerator;
        this.rules = rules;
    }

    @Cacheable(sync = true)
    public Stats personStats(PersonFilter filter, List<PersonDimension> groupBy, boolean includeEmpty) {
        PersonQuery query = new PersonQuery(filter, groupBy, includeEmpty);
        rules.checkPersonFilter(query.filter());
        QueryRules.checkGroupBy(query.groupBy());
        Document result = aggregateOne(Person.COLLECTION, Pipelines.breakdown(Pipelines.personMatch(query.filter()),
                query.groupBy(), PERSON_SUMMARIES));
        return personStatsOf(result, query);
    }

    /** {@link #personStats(PersonFilter, List, boolean)} with its groups in the given order. */
    @Cacheable(sync = true)
    public Stats personStats(PersonFilter filter, List<PersonDimension> groupBy, boolean includeEmpty, Order order) {
        return ordered(personStats(filter, groupBy, includeEmpty), groupBy, order);
    }

    /** {@link #personBatch} without return-support counts. */
    public List<Stats> personStats(List<PersonQuery> queries) {
        return personBatch(queries, List.of()).breakdowns();
    }

    /**
     * Many person questions answered from one read of the persons they concern (the report's numbers of a year, or
     * of every year): each breakdown equals {@link #personStats(PersonFilter, List, boolean)} of the same query and
     * each count {@link #returnSupportEquivalentToIom} of the same filter, and each is cached under that single
     * question's own key. So the batch answers from the cache what it can; the rest it computes by reading, once,
     * the fields they need of the persons any of them selects (one {@code find} whose filter is the OR of theirs,
     * {@link Pipelines#anyOf}), and answering each from those in Java ({@link PersonRows}). On the embedded server a
     * {@code $facet} of one sub-pipeline per question walked the selected persons once per question; mongod would
     * run it natively, but reading each person once is as cheap there.
     *
     * @return one answer per query and one count per return-support filter, in their orders
     */
    public PersonAnswers personBatch(List<PersonQuery> queries, List<PersonFilter> returnSupportFilters) {
        Cache cache = cacheManager.getCache(StatsCache.NAME);
        Stats[] answers = new Stats[queries.size()];
        Integer[] counts = new Integer[returnSupportFilters.size()];
        Map<Integer, Object> queryKeys = new LinkedHashMap<>();
        Map<Integer, Object> countKeys = new LinkedHashMap<>();
        for (int i = 0; i < queries.size(); i++) {
            PersonQuery q = queries.get(i);
            rules.checkPersonFilter(q.filter());
            QueryRules.checkGroupBy(q.groupBy());
            // the same key (and data version, read before the query) as the single query's @Cacheable
            Object key = keyGenerator.generate(this, SINGLE_PERSON_STATS, q.filter(), q.groupBy(), q.includeEmpty());
            if (cached(cache, key) instanceof Stats stats) {
                answers[i] = stats;
            } else {
                queryKeys.put(i, key);
            }
        }
        for (int i = 0; i < returnSupportFilters.size(); i++) {
            PersonFilter f = returnSupportFilters.get(i) == null ? PersonFilter.ALL : returnSupportFilters.get(i);
            rules.checkPersonFilter(f);
            Object key = keyGenerator.generate(this, SINGLE_RETURN_SUPPORT, f);
            if (cached(cache, key) instanceof Integer count) {
                counts[i] = count;
            } else {
                countKeys.put(i, key);
            }
        }
        if (!queryKeys.isEmpty() || !countKeys.isEmpty()) {
            List<PersonQuery> asked = queryKeys.keySet().stream().map(queries::get).toList();
            List<PersonFilter> flagged = countKeys.keySet().stream().map(i -> returnSupportFilters.get(i) == null
                    ? PersonFilter.ALL : returnSupportFilters.get(i)).toList();
            PersonRows rows = PersonRows.read(mongo.getCollection(Person.COLLECTION), asked, flagged,
                    PERSON_SUMMARIES, flagged.isEmpty() ? List.of() : List.of(RETURN_SUPPORT_FLAG));
            Predicate<String> recorded = recordedIn(PersonDimension.ASSESSMENT_YEAR);
            Predicate<String> yearRecorded = year -> rows.readsAllOfYear(year) ? rows.holdsYear(year)
                    : recorded.test(year);
            queryKeys.forEach((i, key) -> {
                answers[i] = personStatsOf(rows.tally(queries.get(i), PERSON_SUMMARIES), queries.get(i),
                        yearRecorded);
                store(cache, key, answers[i]);
            });
            int f = 0;
            for (Map.Entry<Integer, Object> entry : countKeys.entrySet()) {
                counts[entry.getKey()] = rows.countFlagged(flagged.get(f++), RETURN_SUPPORT_FLAG);
                store(cache, entry.getValue(), counts[entry.getKey()]);
            }
        }
        return new PersonAnswers(List.of(answers), List.of(counts));
    }

    private static Object cached(Cache cache, Object key) {
        Cache.ValueWrapper hit = cache == null || key == QueryKey.NONE ? null : cache.get(key);
        return hit == null ? null : hit.get();
    }

    private static void store(Cache cache, Object key, Object value) {
        if (cache != null && key != QueryKey.NONE) {
            cache.put(key, value);
        }
    }

    private Stats personStatsOf(PersonRows.Tally tally, PersonQuery q, Predicate<String> yearRecorded) {
        return toStats(tally.groups(), q.groupBy(), q.includeEmpty(), allowedCodes(FilterField.PERSON, q.filter()),
                askedYears(FilterField.PERSON, q.filter(), PersonDimension.ASSESSMENT_YEAR, q.groupBy()),
                yearRecorded,
                Summaries.summary(tally.frequencies().get("ageAtIdentification")),
                Summaries.summary(tally.frequencies().get("stayDays")));
    }

    private Stats personStatsOf(Document result, PersonQuery q) {
        return toStats(Summaries.counts(result.getList("groups", Document.class, List.of()), q.groupBy()),
                q.groupBy(), q.includeEmpty(), allowedCodes(FilterField.PERSON, q.filter()),
                askedYears(FilterField.PERSON, q.filter(), PersonDimension.ASSESSMENT_YEAR, q.groupBy()),
                recordedIn(PersonDimension.ASSESSMENT_YEAR),
                Summaries.summary(result.getList("ageAtIdentification", Document.class, List.of())),
                Summaries.summary(result.getList("stayDays", Document.class, List.of())));
    }

    @Cacheable(sync = true)
    public Stats hotlineStats(HotlineFilter filter, List<HotlineDimension> groupBy, boolean includeEmpty) {
        HotlineFilter f = filter == null ? HotlineFilter.ALL : filter;
        QueryRules.checkYearRange(f.yearFrom(), f.yearTo());
        List<HotlineDimension> dims = groupBy == null ? List.of() : groupBy;
        QueryRules.checkGroupBy(dims);
        Document result = aggregateOne(HotlineCall.COLLECTION,
                Pipelines.breakdown(Pipelines.hotlineMatch(f), dims, List.of()));
        return toStats(Summaries.counts(result.getList("groups", Document.class, List.of()), dims), dims,
                includeEmpty,
                allowedCodes(FilterField.HOTLINE, f), askedYears(FilterField.HOTLINE, f, HotlineDimension.YEAR, dims),
                recordedIn(HotlineDimension.YEAR),
                null, null);
    }

    /** {@link #hotlineStats(HotlineFilter, List, boolean)} with its groups in the given order. */
    @Cacheable(sync = true)
    public Stats hotlineStats(HotlineFilter filter, List<HotlineDimension> groupBy, boolean includeEmpty,
            Order order) {
        return ordered(hotlineStats(filter, groupBy, includeEmpty), groupBy, order);
    }

    /**
     * How many of the persons a filter selects had a return supported by the centre at the level of an IOM prepared
     * return ({@code returnSupportEquivalentToIom}), a flag that is no grouping dimension.
     */
    @Cacheable(sync = true)
    public int returnSupportEquivalentToIom(PersonFilter filter) {
        PersonFilter f = filter == null ? PersonFilter.ALL : filter;
        rules.checkPersonFilter(f);
        Document first = mongo.getCollection(Person.COLLECTION)
                .aggregate(Pipelines.personCountWithFlag(f, RETURN_SUPPORT_FLAG)).first();
        return first == null ? 0 : ((Number) first.get("n")).intValue();
    }

    /** One row per combination of groupBy values that has activities, sorted by key. */
    @Cacheable(sync = true)
    public List<OutreachRow> outreachStats(OutreachFilter filter, List<OutreachDimension> groupBy) {
        OutreachFilter f = filter == null ? OutreachFilter.ALL : filter;
        QueryRules.checkYearRange(f.yearFrom(), f.yearTo());
        List<OutreachDimension> dims = groupBy == null ? List.of() : groupBy;
        QueryRules.checkGroupBy(dims);
        List<String> fields = new ArrayList<>(dims.stream().map(Dimension::field).toList());
        fields.addAll(OutreachMetrics.FIELDS);
        // find rather than aggregate, as for the persons' batch: an aggregation's one reply can pass the driver's limit
        Map<List<GroupKey>, OutreachMetrics.Tally> tallies = OutreachMetrics.tally(mongo.getCollection(
                OutreachActivity.COLLECTION).find(Pipelines.criteria(FilterField.OUTREACH, f))
                .projection(Pipelines.fieldsOnly(fields)).batchSize(Pipelines.READ_BATCH), dims);
        Map<List<GroupKey>, Integer> assessed = new HashMap<>();
        List<String> programmes = programmesMatching(f);
        if (!programmes.isEmpty()) {
            for (Document row : mongo.getCollection(Person.COLLECTION)
                    .aggregate(Pipelines.outreachAssessed(f.years(), f.yearFrom(), f.yearTo(), programmes, dims))) {
                assessed.put(Summaries.key(row.get("_id"), dims), ((Number) row.get("n")).intValue());
            }
        }
        List<OutreachRow> rows = new ArrayList<>();
        tallies.forEach((key, tally) -> rows.add(tally.row(key, assessed.getOrDefault(key, 0))));
        rows.sort(Comparator.comparing(OutreachRow::key, GroupOrder.CODES));
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

    /** Years with any persons, outreach activities or hotline calls, ascending. */
    @Cacheable(sync = true)
    public List<Integer> years() {
        TreeSet<Integer> years = new TreeSet<>();
        years.addAll(yearsOf(PersonDimension.ASSESSMENT_YEAR));
        years.addAll(yearsOf(OutreachDimension.YEAR));
        years.addAll(yearsOf(HotlineDimension.YEAR));
        return List.copyOf(years);
    }

    /** Years in which persons were assessed, ascending. */
    @Cacheable(sync = true)
    public List<Integer> assessmentYears() {
        return yearsOf(PersonDimension.ASSESSMENT_YEAR);
    }

    /** Years with hotline calls, ascending. */
    public List<Integer> hotlineYears() {
        return yearsOf(HotlineDimension.YEAR);
    }

    /** The years a year dimension's records hold: the codes breakdowns by year use too, from the same cache. */
    private List<Integer> yearsOf(Dimension yearDimension) {
        return dimensionCodes.codes(yearDimension).stream().map(Integer::valueOf).toList();
    }

    Document aggregateOne(String collection, List<Document> pipeline) {
        Document first = mongo.getCollection(collection).aggregate(pipeline).allowDiskUse(true).first();
        return first == null ? new Document() : first;
    }

    /**
     * The answer from the group counts: the total is their sum; {@code includeEmpty} adds, with count 0, the codes
     * the filter allows that have no group (never a code the filter excludes); the years asked for that no record
     * holds ({@code recorded} says which do) come back as {@link NoData}, never as 0.
     */
    Stats toStats(Map<List<GroupKey>, Integer> groupCounts, List<? extends Dimension> groupBy, boolean includeEmpty,
            Map<Dimension, Predicate<String>> allowed, List<GroupKey> askedYears, Predicate<String> recorded,
            NumericSummary age, NumericSummary stayDays) {
        Map<List<GroupKey>, Integer> counts = new LinkedHashMap<>(groupCounts);
        int total = 0;
        for (int count : groupCounts.values()) {
            total += count;
        }
        List<NoData> noData = new ArrayList<>();
        if (!askedYears.isEmpty()) {
            for (GroupKey year : askedYears) {
                if (!recorded.test(year.code())) {
                    noData.add(new NoData(year, NoData.Reason.NO_RECORDS_FOR_YEAR));
                }
            }
        }
        if (includeEmpty && !groupBy.isEmpty()) {
            for (List<GroupKey> key : crossProduct(groupBy)) {
                if (allows(allowed, groupBy, key)) {
                    counts.putIfAbsent(key, 0);
                }
            }
        }
        List<Group> groups = new ArrayList<>();
        if (!groupBy.isEmpty()) {
            int all = total;
            counts.forEach((key, count) -> groups.add(new Group(key, count, all == 0 ? 0 : (double) count / all)));
        }
        groups.sort(GroupOrder.byCount(Group::count, Group::key));
        return new Stats(total, groups, age, stayDays, noData);
    }

    /** Whether a year has any record of a year dimension: its codes, read (a scan) only when first asked. */
    private Predicate<String> recordedIn(Dimension yearDimension) {
        return year -> dimensionCodes.codes(yearDimension).contains(year);
    }

    /** Every combination of the dimensions' codes, as group keys. */
    private List<List<GroupKey>> crossProduct(List<? extends Dimension> dimensions) {
        List<List<GroupKey>> keys = List.of(List.of());
        for (Dimension dimension : dimensions) {
            List<List<GroupKey>> next = new ArrayList<>();
            List<String> codes = dimensionCodes.codes(dimension);
            for (List<GroupKey> prefix : keys) {
                for (String code : codes) {
                    List<GroupKey> key = new ArrayList<>(prefix);
                    key.add(new GroupKey(dimension.name(), code));
                    next.add(List.copyOf(key));
                }
            }
            keys = next;
        }
        return keys;
    }

    private static Dimension dimensionNamed(List<? extends Dimension> groupBy, String name) {
        return groupBy.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    private static boolean allows(Map<Dimension, Predicate<String>> allowed, List<? extends Dimension> groupBy,
            List<GroupKey> key) {
        for (int i = 0; i < groupBy.size(); i++) {
            Predicate<String> test = allowed.get(groupBy.get(i));
            if (test != null && !test.test(key.get(i).code())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Per dimension, which of its codes a filter allows (a dimension without an entry allows all): the listed
     * values and the bounds of the filter fields on that dimension ({@link FilterField}); and for persons what the
     * filter implies through the codebook: the countries of the listed regions, the age groups that meet the age
     * range, and no labour sector unless forced labour is allowed.
     */
    <F> Map<Dimension, Predicate<String>> allowedCodes(List<FilterField<F>> table, F filter) {
        Map<Dimension, Predicate<String>> allowed = new HashMap<>();
        for (FilterField<F> field : table) {
            if (field.dimension() == null || !field.isSet(filter)) {
                continue;
            }
            Predicate<String> test = switch (field.match()) {
                case ANY_OF -> {
                    Set<String> codes = new HashSet<>();
                    field.values(filter).forEach(v -> codes.add(Summaries.code(v)));
                    yield codes::contains;
                }
                case AT_LEAST -> code -> GroupOrder.isNumber(code) && Long.parseLong(code) >= field.bound(filter);
                case AT_MOST -> code -> GroupOrder.isNumber(code) && Long.parseLong(code) <= field.bound(filter);
            };
            allowed.merge(field.dimension(), test, Predicate::and);
        }
        if (filter instanceof PersonFilter f) {
            if (f.region() != null && !f.region().isEmpty()) {
                allowed.merge(PersonDimension.NATIONALITY, code -> codebook.country(code)
                        .map(c -> f.region().contains(c.region())).orElse(false), Predicate::and);
            }
            if (f.ageMin() != null || f.ageMax() != null) {
                Set<String> groups = new HashSet<>();
                int from = f.ageMin() == null ? 0 : f.ageMin();
                int to = Math.min(f.ageMax() == null ? MAX_AGE : f.ageMax(), MAX_AGE);
                for (int age = from; age <= to; age++) {
                    groups.add(AgeGroup.of(age).name());
                }
                allowed.merge(PersonDimension.AGE_GROUP, groups::contains, Predicate::and);
            }
            if (f.exploitation() != null && !f.exploitation().isEmpty()
                    && !f.exploitation().contains(Exploitation.FORCED_LABOUR)) {
                allowed.merge(PersonDimension.LABOUR_SECTOR, code -> false, Predicate::and);
            }
        }
        return allowed;
    }

    /**
     * The years a filter asks for, when the breakdown groups by the year dimension: those it lists, and those of
     * its range (an open end runs to the first or last year that has records); empty when it names none.
     */
    <F> List<GroupKey> askedYears(List<FilterField<F>> table, F filter, Dimension yearDimension,
            List<? extends Dimension> groupBy) {
        if (!groupBy.contains(yearDimension)) {
            return List.of();
        }
        TreeSet<Integer> listed = null;
        Integer from = null;
        Integer to = null;
        for (FilterField<F> field : table) {
            if (field.dimension() != yearDimension || !field.isSet(filter)) {
                continue;
            }
            switch (field.match()) {
                case ANY_OF -> {
                    listed = new TreeSet<>();
                    for (Object v : field.values(filter)) {
                        listed.add(((Number) v).intValue());
                    }
                }
                case AT_LEAST -> from = field.bound(filter);
                case AT_MOST -> to = field.bound(filter);
            }
        }
        if (listed == null && from == null && to == null) {
            return List.of();
        }
        if (listed == null) {
            List<Integer> recorded = dimensionCodes.codes(yearDimension).stream().map(Integer::valueOf).toList();
            if (recorded.isEmpty()) {
                return List.of();
            }
            int first = from != null ? from : recorded.get(0);
            int last = to != null ? to : recorded.get(recorded.size() - 1);
            listed = new TreeSet<>();
            for (int year = first; year <= last && year - first <= MAX_YEARS_ASKED; year++) {
                listed.add(year);
            }
        }
        List<GroupKey> years = new ArrayList<>();
        for (int year : listed) {
            if ((from == null || year >= from) && (to == null || year <= to)) {
                years.add(new GroupKey(yearDimension.name(), Integer.toString(year)));
            }
        }
        return years;
    }

    /** The answer with its groups in the given order (COUNT: as computed). */
    Stats ordered(Stats stats, List<? extends Dimension> groupBy, Order order) {
        if (order == null || order == Order.COUNT) {
            return stats;
        }
        List<Group> groups = new ArrayList<>(stats.groups());
        groups.sort(Comparator.comparing(Group::key, GroupOrder.byKey(groupBy == null ? List.of() : groupBy)));
        return new Stats(stats.total(), groups, stats.age(), stats.stayDays(), stats.noData());
    }
}
