package dk.cmm.stats.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.StaffTokens;

/** A refused {@code persons} leaves the allowed fields of the same request answered; persons have an id. */
@ApiTest
class PartialAnswerTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Test
    void shouldKeepTheAllowedFieldsBesideARefusedPersons() {
        var response = graphQl.document("{ years persons(first: 1) { totalCount } }").execute();
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("classification", "UNAUTHORIZED");
            assertThat(error.getPath()).isEqualTo("persons");
        }));
        response.path("years").entityList(Integer.class).contains(2012);
        response.path("persons").valueIsNull();
    }

    @Test
    void shouldGiveEveryPersonItsCaseReferenceAsId() {
        var page = StaffTokens.as(graphQl, StaffTokens.CASEWORKER)
                .document("{ persons(first: 3) { edges { node { id caseRef } } } }").execute();
        List<String> ids = page.path("persons.edges[*].node.id").entityList(String.class).get();
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        page.path("persons.edges[*].node.caseRef").entityList(String.class).isEqualTo(ids);
    }
}
