package dk.cmm.stats.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;

/**
 * What the application asks of a MongoDB at a URI (issue 23, risks 4 and 5): reads from the primary only, writes
 * acknowledged by a majority within a bounded wait, and a bounded wait for a primary, unless the URI says
 * otherwise where it may.
 */
class MongoConnectionSettingsTests {

    private static MongoClientSettings settings(String uri) {
        ConnectionString connection = new ConnectionString(uri);
        // as Spring Boot builds them: the URI first, then the customizers
        MongoClientSettings.Builder builder = MongoClientSettings.builder().applyConnectionString(connection);
        new MongoConnectionConfiguration().majorityWrites(new MongoEndpoint(connection, null)).customize(builder);
        return builder.build();
    }

    @Test
    void shouldRefuseAUriThatReadsFromSecondariesNamingWhatToRemove() {
        for (String preference : new String[] { "secondary", "secondaryPreferred", "primaryPreferred", "nearest" }) {
            assertThatThrownBy(() -> MongoConnectionConfiguration.refuseSecondaryReads(
                    new ConnectionString("mongodb://h1,h2/cmm?replicaSet=rs&readPreference=" + preference)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("readPreference=" + preference)
                    .hasMessageContaining("Remove readPreference from the URI");
        }
        assertThatCode(() -> MongoConnectionConfiguration.refuseSecondaryReads(
                new ConnectionString("mongodb://h1,h2/cmm?replicaSet=rs&readPreference=primary")))
                .doesNotThrowAnyException();
        assertThatCode(() -> MongoConnectionConfiguration.refuseSecondaryReads(
                new ConnectionString("mongodb://h1,h2/cmm?replicaSet=rs"))).doesNotThrowAnyException();
    }

    @Test
    void shouldWriteWithABoundedMajorityAndWaitBrieflyForAPrimaryByDefault() {
        MongoClientSettings settings = settings("mongodb://h1,h2/cmm?replicaSet=rs");
        assertThat(settings.getWriteConcern().getWString()).isEqualTo("majority");
        assertThat(settings.getWriteConcern().getWTimeout(TimeUnit.MILLISECONDS)).isEqualTo(10_000);
        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(5_000);
    }

    @Test
    void shouldKeepTheWriteConcernAndServerSelectionTheUriSets() {
        MongoClientSettings settings = settings("mongodb://h1,h2/cmm?replicaSet=rs&w=1&serverSelectionTimeoutMS=20000");
        assertThat(settings.getWriteConcern()).isEqualTo(WriteConcern.W1);
        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(20_000);
    }
}
