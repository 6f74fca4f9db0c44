package dk.cmm.stats.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.mongodb.ConnectionString;
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
     * Writes are acknowledged by a majority of the replica set ({@code w=majority}) unless the URI asks for another
     * write concern: an acknowledged write then survives the loss of the primary. The server's default is majority
     * since MongoDB 5, but a cluster can change its default, so it is said here. A standalone server (and the
     * embedded one) treats majority as itself.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer majorityWrites(MongoEndpoint endpoint) {
        return settings -> {
            if (endpoint.connectionString().getWriteConcern() == null) {
                settings.writeConcern(WriteConcern.MAJORITY);
            }
        };
    }
}
