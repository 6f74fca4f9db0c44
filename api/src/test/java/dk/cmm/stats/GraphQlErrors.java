package dk.cmm.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/** The error of a GraphQL response, for tests outside the graphql package. */
public final class GraphQlErrors {

    private GraphQlErrors() {
    }

    /** The single error of a response, checked for its classification and for leaking no internals. */
    public static ResponseError onlyError(GraphQlTester.Response response, String classification) {
        ResponseError[] found = new ResponseError[1];
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            found[0] = errors.get(0);
        });
        assertThat(found[0].getExtensions()).containsEntry("classification", classification);
        assertThat(found[0].getMessage()).doesNotContain("Exception", "dk.cmm", "\tat ");
        return found[0];
    }
}
