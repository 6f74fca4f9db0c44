package dk.cmm.stats.stats;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.interceptor.KeyGenerator;
import org.springframework.cache.support.NoOpCacheManager;
import org.springframework.cache.support.SimpleCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.benmanes.caffeine.cache.Caffeine;

import dk.cmm.stats.hotline.HotlineCall;
import dk.cmm.stats.outreach.OutreachActivity;
import dk.cmm.stats.outreach.Programme;
import dk.cmm.stats.person.Person;
import dk.cmm.stats.storage.DataVersion;
import dk.cmm.stats.yearnote.YearNote;

/**
 * The result cache of the statistics queries: Spring's cache abstraction over a bounded Caffeine cache. An entry
 * is keyed by the query (method and normalised arguments, see {@link QueryKey}) and by the data version that every
 * write bumps in MongoDB. Reading that version costs one {@code _id} lookup per query, and buys consistency across
 * every application instance sharing the database (and costs nothing when this process runs the embedded server,
 * see {@link Keys}): a write made through any of them changes the version, so the
 * next query misses and is answered from the data, never from a stale entry. Old versions' entries are never read
 * again and age out of the bounded cache. {@code cmm.stats.cache.enabled=false} turns it off (the benchmark's
 * uncached run).
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
@EnableConfigurationProperties(StatsCache.Properties.class)
public class StatsCache {

    /** The cache of {@link StatsService}'s answers. */
    public static final String NAME = "stats";
    /**
     * The cache of {@link DimensionCodes}: apart from {@link #NAME} because codes are asked while an answer is being
     * computed, and Caffeine refuses to compute one entry inside the computation of another of the same cache.
     */
    public static final String CODES = "dimensionCodes";
    /** The bean that makes the keys: query plus data version. */
    public static final String KEYS = "statsCacheKeys";

    @Bean
    CacheManager cacheManager(Properties properties) {
        if (!properties.enabled()) {
            return new NoOpCacheManager();
        }
        SimpleCacheManager manager = new SimpleCacheManager();
        // the expiry is a safety net only: a write through any path bumps the data version at once; one the
        // application cannot see (a fix in mongosh on a real MongoDB) is answered at most timeToLive late
        manager.setCaches(List.of(new Results(NAME, Caffeine.newBuilder().maximumSize(properties.maxEntries())
                .expireAfterWrite(properties.timeToLive()).build()), new Results(CODES, Caffeine.newBuilder()
                .maximumSize(100).expireAfterWrite(properties.timeToLive()).build())));
        manager.initializeCaches();
        return manager;
    }

    /**
     * The Caffeine cache of the answers. An answer of null (the service never gives one; a test's mock may) is
     * handed back but not kept, so it can never stand in for a later call.
     */
    static final class Results extends CaffeineCache {

        Results(String name, com.github.benmanes.caffeine.cache.Cache<Object, Object> cache) {
            super(name, cache, false);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get(Object key, Callable<T> valueLoader) {
            return (T) getNativeCache().get(key, k -> {
                try {
                    return valueLoader.call(); // null: Caffeine stores nothing
                } catch (Exception e) {
                    throw new ValueRetrievalException(key, valueLoader, e);
                }
            });
        }
    }

    /**
     * The collections statistics are computed from (and the data version's own): on the embedded server, a write to
     * any other collection (an audit entry, a token) leaves the cached answers valid.
     */
    static final List<String> SOURCES = List.of(Person.COLLECTION, OutreachActivity.COLLECTION,
            HotlineCall.COLLECTION, Programme.COLLECTION, YearNote.COLLECTION, DataVersion.COLLECTION);

    @Bean(KEYS)
    KeyGenerator statsCacheKeys(Properties properties, DataVersion dataVersion) {
        return new Keys(properties.enabled(), dataVersion.of(SOURCES));
    }

    /**
     * Builds the key from the method, its arguments and (read first, before the query runs) the data version:
     * the {@link DataVersion} counter in MongoDB, or, when this process runs the embedded server itself, that
     * server's count of the writes applied to the {@link #SOURCES}, which every such write from any client changes
     * just the same and which costs no round trip.
     */
    record Keys(boolean enabled, LongSupplier dataVersion) implements KeyGenerator {

        @Override
        public Object generate(Object target, Method method, Object... params) {
            if (!enabled) {
                return QueryKey.NONE; // nothing is stored: do not pay for the version lookup
            }
            // The version is read before the query runs: an entry stored under version v holds data at least as new
            // as v (writes bump the version after they are applied), so no reader ever gets data older than the
            // version it saw.
            long version = dataVersion.getAsLong();
            List<Object> args = new ArrayList<>();
            for (Object param : params) {
                args.add(QueryKey.normalise(param));
            }
            return new QueryKey(method.getName(), args, version);
        }
    }

    /**
     * {@code cmm.stats.cache.*}.
     *
     * @param enabled    whether statistics results are cached (default true)
     * @param maxEntries how many results are kept at most (default 2000; least recently used go first)
     * @param timeToLive how long a result is kept at most (default 10 minutes): the bound on staleness after a
     *                   write that bypasses the application and its data version
     */
    @ConfigurationProperties("cmm.stats.cache")
    public record Properties(Boolean enabled, Long maxEntries, java.time.Duration timeToLive) {

        public Properties {
            enabled = enabled == null || enabled;
            maxEntries = maxEntries != null ? maxEntries : 2000L;
            timeToLive = timeToLive != null ? timeToLive : java.time.Duration.ofMinutes(10);
        }
    }
}
