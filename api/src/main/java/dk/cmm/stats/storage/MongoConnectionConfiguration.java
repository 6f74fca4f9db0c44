package dk.cmm.stats.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;

/**
 * Chooses the MongoDB the application talks to: the server at {@code spring.mongodb.uri} (or the environment
 * variable {@code MONGODB_URI}) when one is configured, otherwise the embedded server. Either way the rest of the
 * application only sees an ordinary driver connection.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class MongoConnectionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MongoConnectionConfiguration.class);

    @Bean(destroyMethod = "close")
    MongoEndpoint mongoEndpoint(Environment environment, StorageProperties properties) {
        String uri = environment.getProperty("spring.mongodb.uri", environment.getProperty("MONGODB_URI", ""));
        if (!uri.isBlank()) {
            ConnectionString connection = new ConnectionString(MongoUris.withDefaultDatabase(uri, EmbeddedMongo.DATABASE));
            refuseSecondaryReads(connection);
            log.info("Using MongoDB at {} (database '{}')", connection.getHosts(), connection.getDatabase());
            return new MongoEndpoint(connection, null);
        }
        EmbeddedMongo embedded = properties.embeddedMemory() ? EmbeddedMongo.inMemory()
                : EmbeddedMongo.open(properties.dataDir(), properties.embeddedPort(), properties.embeddedCacheMb());
        return new MongoEndpoint(new ConnectionString(embedded.connectionString()), embedded);
    }

    @Bean
    MongoConnectionDetails mongoConnectionDetails(MongoEndpoint endpoint) {
        return endpoint::connectionString;
    }

    /**
     * Every answer is cached under the data version read from the primary, a retried {@code createPerson} is told
     * from a new one by what it reads, and tokens are checked by what they read: a read from a lagging secondary
     * would be cached for minutes as the new version's answer, or refuse a retry as "exists already". So a URI
     * that sends reads elsewhere than to the primary is refused at start, rather than honoured in part.
     */
    static void refuseSecondaryReads(ConnectionString connection) {
        ReadPreference preference = connection.getReadPreference();
        if (preference != null && !preference.equals(ReadPreference.primary())) {
            throw new IllegalStateException("The MongoDB URI asks for readPreference=" + preference.getName()
                    + ", but cmm-stats reads from the primary only: its answers are cached under the data version, "
                    + "and retries and tokens are checked by what it reads, which a secondary that lags behind would "
                    + "make wrong. Remove readPreference from the URI (the default is primary).");
        }
    }

    /** The write concern when the URI sets none: majority, waited for at most this long. */
    static final Duration MAJORITY_WAIT = Duration.ofSeconds(10);

    /** How long a request waits for a primary when the URI does not say: an election takes about 10 s. */
    static final Duration SERVER_SELECTION = Duration.ofSeconds(5);

    /**
     * Writes are acknowledged by a majority of the replica set ({@code w=majority}, waited for at most
     * {@link #MAJORITY_WAIT}) unless the URI asks for another write concern: an acknowledged write then survives the
     * loss of the primary, and a write that cannot reach a majority fails as unconfirmed instead of hanging. Every
     * write uses this one write concern (records, the data version, releases, the audit log, tokens). The server's
     * default is majority since MongoDB 5, but a cluster can change its default, so it is said here. A standalone
     * server (and the embedded one) treats majority as itself.
     * <p>
     * Without a primary (an election, a lost majority) a request waits {@link #SERVER_SELECTION} for one, not the
     * driver's 30 s, unless the URI sets {@code serverSelectionTimeoutMS}; it then fails with the driver's timeout.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer majorityWrites(MongoEndpoint endpoint) {
        return settings -> {
            if (endpoint.connectionString().getWriteConcern() == null) {
                settings.writeConcern(WriteConcern.MAJORITY.withWTimeout(MAJORITY_WAIT.toMillis(),
                        TimeUnit.MILLISECONDS));
            }
            if (endpoint.connectionString().getServerSelectionTimeout() == null) {
                settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        SERVER_SELECTION.toMillis(), TimeUnit.MILLISECONDS));
            }
        };
    }
}
