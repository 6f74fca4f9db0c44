package dk.cmm.stats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MongoUrisTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mongodb://db:27017|mongodb://db:27017/cmm",
            "mongodb://db:27017/|mongodb://db:27017/cmm",
            "mongodb://a,b/?replicaSet=rs0|mongodb://a,b/cmm?replicaSet=rs0",
            "mongodb://a,b?replicaSet=rs0|mongodb://a,b/cmm?replicaSet=rs0",
            "mongodb://db/stats|mongodb://db/stats",
            "mongodb+srv://u:p@cluster.example.net/stats?retryWrites=true|mongodb+srv://u:p@cluster.example.net/stats?retryWrites=true" })
    void shouldAddTheDefaultDatabaseOnlyWhereNoneIsNamed(String given, String expected) {
        assertThat(MongoUris.withDefaultDatabase(given, "cmm")).isEqualTo(expected);
    }
}
