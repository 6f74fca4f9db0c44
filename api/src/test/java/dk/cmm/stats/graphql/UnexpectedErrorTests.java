package dk.cmm.stats.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.doThrow;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.stats.InvalidQueryException;
import dk.cmm.stats.stats.StatsService;

/**
 * A failure nobody foresaw becomes a vague INTERNAL_ERROR (over HTTP 200), never the exception's text; handlers for
 * known exceptions still win over that catch-all.
 */
@ApiTest
class UnexpectedErrorTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @MockitoSpyBean
    StatsService stats;

    HttpGraphQlTester staff() {
        return graphQl.mutate().header("Authorization", dk.cmm.stats.StaffTokens.bearer(dk.cmm.stats.StaffTokens.ANALYST))
                .build();
    }

    @Test
    void shouldAnswerAnUnexpectedFailureWithAVagueInternalError() {
        doThrow(new IllegalStateException("secret detail: connection to db1:27017 lost"))
                .when(stats).hotlineStats(any(), any(), anyBoolean(), any());
        // staff questions reach the live statistics (the public is answered from releases)
        var response = staff().documentName("hotlineBreakdown").variable("filter", Map.of("years", List.of(2012)))
                .execute();
        ResponseError error = QueryErrorTests.onlyError(response, "INTERNAL_ERROR");
        assertThat(error.getMessage()).startsWith("Internal error").doesNotContain("secret", "db1",
                "IllegalStateException");
        assertThat(error.getPath()).isEqualTo("hotlineStats");
    }

    @Test
    void shouldStillLetTheHandlerOfAKnownExceptionAnswer() {
        doThrow(new InvalidQueryException("filter.years", "no such year"))
                .when(stats).hotlineStats(any(), any(), anyBoolean(), any());
        ResponseError error = QueryErrorTests.onlyError(staff().documentName("hotlineBreakdown").execute(),
                "BAD_REQUEST");
        assertThat(error.getMessage()).isEqualTo("no such year");
    }
}
