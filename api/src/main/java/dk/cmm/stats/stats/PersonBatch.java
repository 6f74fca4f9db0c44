package dk.cmm.stats.stats;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.interceptor.KeyGenerator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import dk.cmm.stats.person.Person;

/**
 * {@link StatsService#personBatch}: many person questions answered from one read of the persons they concern, each
 * cached under its single question's own key.
 */
@Component
class PersonBatch {

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
    private final CacheManager cacheManager;
    private final KeyGenerator keyGenerator;
    private final QueryRules rules;
    private final LiveAnswers live;

    PersonBatch(MongoTemplate mongo, CacheManager cacheManager, @Qualifier(StatsCache.KEYS) KeyGenerator keyGenerator,
            QueryRules rules, LiveAnswers live) {
        this.mongo = mongo;
        this.cacheManager = cacheManager;
        this.keyGenerator = keyGenerator;
        this.rules = rules;
        this.live = live;
    }

    /** See {@link StatsService#personBatch}. */
    PersonAnswers answer(List<PersonQuery> queries, List<PersonFilter> returnSupportFilters) {
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
            Object key = keyGenerator.generate(StatsService.class, SINGLE_PERSON_STATS, q.filter(), q.groupBy(), q.includeEmpty());
            if (cached(cache, key) instanceof Stats stats) {
                answers[i] = stats;
            } else {
                queryKeys.put(i, key);
            }
        }
        for (int i = 0; i < returnSupportFilters.size(); i++) {
            PersonFilter f = returnSupportFilters.get(i) == null ? PersonFilter.ALL : returnSupportFilters.get(i);
            rules.checkPersonFilter(f);
            Object key = keyGenerator.generate(StatsService.class, SINGLE_RETURN_SUPPORT, f);
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
                    StatsService.PERSON_SUMMARIES, flagged.isEmpty() ? List.of() : List.of(StatsService.RETURN_SUPPORT_FLAG));
            Predicate<String> recorded = live.recordedIn(PersonDimension.ASSESSMENT_YEAR);
            Predicate<String> yearRecorded = year -> rows.readsAllOfYear(year) ? rows.holdsYear(year)
                    : recorded.test(year);
            queryKeys.forEach((i, key) -> {
                answers[i] = live.personStats(rows.tally(queries.get(i), StatsService.PERSON_SUMMARIES), queries.get(i),
                        yearRecorded);
                store(cache, key, answers[i]);
            });
            int f = 0;
            for (Map.Entry<Integer, Object> entry : countKeys.entrySet()) {
                counts[entry.getKey()] = rows.countFlagged(flagged.get(f++), StatsService.RETURN_SUPPORT_FLAG);
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
}
