package dk.cmm.stats.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.RawHttp;

/** A misspelt field or enum value is answered with the schema's nearest names, as a newcomer in GraphiQL needs. */
@ApiTest
class DidYouMeanTests {

    @LocalServerPort
    int port;

    @Test
    void shouldSuggestTheNearestFieldAndEnumValueOfTheSchema() {
        HttpResponse<String> response = new RawHttp(port).post("/graphql",
                "{\"query\":\"{ yeers personStats(groupBy: [GENDR]) { totl } }\"}",
                "Content-Type", "application/json");
        assertThat(response.body()).contains("Field 'yeers' in type 'Query' is undefined. Did you mean 'years'?",
                "'GENDR'. Did you mean 'GENDER'?", "Field 'totl' in type 'Stats' is undefined. Did you mean 'total'?");
    }

    @Test
    void shouldSuggestNothingWhenNoNameIsNear() {
        HttpResponse<String> response = new RawHttp(port).post("/graphql", "{\"query\":\"{ banana }\"}",
                "Content-Type", "application/json");
        assertThat(response.body()).contains("Field 'banana' in type 'Query' is undefined").doesNotContain("Did you mean");
    }
}
