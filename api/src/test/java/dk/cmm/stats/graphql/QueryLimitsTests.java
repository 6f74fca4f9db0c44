package dk.cmm.stats.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import dk.cmm.stats.ApiTest;

/** Depth and complexity limits stop abusive documents but let GraphiQL's introspection query through. */
@ApiTest
class QueryLimitsTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Test
    void shouldAnswerGraphiQlsIntrospectionQuery() {
        var response = graphQl.documentName("introspection").execute();
        response.errors().verify();
        response.path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
        response.path("__schema.types[*].name").entityList(String.class)
                .contains("Stats", "OutreachRow", "PersonConnection", "PageInfo", "Code");
    }

    @Test
    void shouldAbortADocumentDeeperThanTheLimit() {
        ResponseError error = QueryErrorTests.onlyError(graphQl.documentName("tooDeep").execute(),
                "ExecutionAborted");
        assertThat(error.getMessage()).contains("maximum query depth exceeded");
    }

    @Test
    void shouldAbortADocumentAskingForTooManyAggregationsAtOnce() {
        ResponseError error = QueryErrorTests.onlyError(graphQl.documentName("tooComplex").execute(),
                "ExecutionAborted");
        assertThat(error.getMessage()).contains("maximum query complexity exceeded");
    }
}
