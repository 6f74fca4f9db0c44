package dk.cmm.stats.stats;

import java.util.List;
import java.util.TreeSet;

import org.bson.Document;
import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import dk.cmm.stats.hotline.HotlineCall;
import dk.cmm.stats.person.Person;

/**
 * Every statistic of the application: the GraphQL API, the CSV endpoint and the report all ask this service, so a
 * number can never differ between them. A façade: each question is checked by {@link QueryRules}, answered by
 * aggregations from {@link Pipelines} run in MongoDB (a breakdown read by {@link Breakdowns}: its groups as a
 * cursor, its frequency tables in one document; only the grouped result is read back), or by
 * {@link PersonBatch} and {@link OutreachStatistics} from one {@code find}, and shaped by {@link LiveAnswers}.
 * Answers are cached here, per query and data version ({@link StatsCache}).
 */
@Service
@CacheConfig(cacheNames = StatsCache.NAME, keyGenerator = StatsCache.KEYS)
public class StatsService {

    /** The numeric fields a person breakdown summarises (age, days of stay). */
    static final List<String> PERSON_SUMMARIES = List.of("ageAtIdentification", "stayDays");

    /** The flag {@link #returnSupportEquivalentToIom} counts. */
    static final String RETURN_SUPPORT_FLAG = "returnSupportEquivalentToIom";

    private final MongoTemplate mongo;
    private final QueryRules rules;
    private final LiveAnswers live;
    private final PersonBatch batch;
    private final OutreachStatistics outreach;

    public StatsService(MongoTemplate mongo, QueryRules rules, LiveAnswers live, PersonBatch batch,
            OutreachStatistics outreach) {
        this.mongo = mongo;
        this.rules = rules;
        this.live = live;
        this.batch = batch;
        this.outreach = outreach;
    }

    @Cacheable(sync = true)
    public Stats personStats(PersonFilter filter, List<PersonDimension> groupBy, boolean includeEmpty) {
        PersonQuery query = new PersonQuery(filter, groupBy, includeEmpty);
        rules.checkPersonFilter(query.filter());
        QueryRules.checkGroupBy(query.groupBy());
        return live.personStats(Breakdowns.read(mongo.getCollection(Person.COLLECTION),
                Pipelines.personMatch(query.filter()), query.groupBy(), PERSON_SUMMARIES), query);
    }

    /** {@link #personStats(PersonFilter, List, boolean)} with its groups in the given order. */
    @Cacheable(sync = true)
    public Stats personStats(PersonFilter filter, List<PersonDimension> groupBy, boolean includeEmpty, Order order) {
        return live.ordered(personStats(filter, groupBy, includeEmpty), groupBy, order);
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
        return batch.answer(queries, returnSupportFilters);
    }

    @Cacheable(sync = true)
    public Stats hotlineStats(HotlineFilter filter, List<HotlineDimension> groupBy, boolean includeEmpty) {
        HotlineFilter f = filter == null ? HotlineFilter.ALL : filter;
        QueryRules.checkYearRange(f.yearFrom(), f.yearTo());
        List<HotlineDimension> dims = groupBy == null ? List.of() : groupBy;
        QueryRules.checkGroupBy(dims);
        return live.hotlineStats(Breakdowns.read(mongo.getCollection(HotlineCall.COLLECTION),
                Pipelines.hotlineMatch(f), dims, List.of()), f, dims, includeEmpty);
    }

    /** {@link #hotlineStats(HotlineFilter, List, boolean)} with its groups in the given order. */
    @Cacheable(sync = true)
    public Stats hotlineStats(HotlineFilter filter, List<HotlineDimension> groupBy, boolean includeEmpty,
            Order order) {
        return live.ordered(hotlineStats(filter, groupBy, includeEmpty), groupBy, order);
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
        return outreach.rows(filter, groupBy);
    }

    /** Years with any persons, outreach activities or hotline calls, ascending. */
    @Cacheable(sync = true)
    public List<Integer> years() {
        TreeSet<Integer> years = new TreeSet<>();
        years.addAll(live.yearsOf(PersonDimension.ASSESSMENT_YEAR));
        years.addAll(live.yearsOf(OutreachDimension.YEAR));
        years.addAll(live.yearsOf(HotlineDimension.YEAR));
        return List.copyOf(years);
    }

    /** Years in which persons were assessed, ascending. */
    @Cacheable(sync = true)
    public List<Integer> assessmentYears() {
        return live.yearsOf(PersonDimension.ASSESSMENT_YEAR);
    }

    /** Years with hotline calls, ascending. */
    public List<Integer> hotlineYears() {
        return live.yearsOf(HotlineDimension.YEAR);
    }
}
