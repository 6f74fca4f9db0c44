package dk.cmm.stats.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import dk.cmm.stats.ApiTest;

/** The first fields of the API contract answer over HTTP on the embedded default with the bundled data. */
@ApiTest
class FoundationQueryTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Test
    void shouldListTheYearsThatHaveData() {
        List<Integer> years = graphQl.documentName("years").execute().path("years").entityList(Integer.class).get();
        assertThat(years).contains(2007, 2008, 2011, 2012, 2015, 2023).doesNotContain(2009, 2010, 2013, 2014)
                .isSorted();
    }

    @Test
    void shouldCountThePersonsAssessedIn2012() {
        graphQl.documentName("personTotal").variable("years", List.of(2012)).execute()
                .path("personStats.total").entity(Integer.class).isEqualTo(66);
    }
}
