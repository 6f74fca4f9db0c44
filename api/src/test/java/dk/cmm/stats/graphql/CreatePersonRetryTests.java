package dk.cmm.stats.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.annotation.DirtiesContext;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.StaffTokens;

/**
 * {@code createPerson} is safe to retry: a retry of a create whose answer was lost (the first attempt was stored)
 * answers with the stored record, unchanged and with the first attempt's stamp; a different record under the same
 * case reference is still refused as existing.
 */
@ApiTest
@DirtiesContext
class CreatePersonRetryTests {

    private static final Map<String, Object> PERSON = Map.of("caseRef", "2025-RT1", "assessmentYear", 2025,
            "gender", "FEMALE", "nationality", "NG");

    @Autowired
    HttpGraphQlTester graphQl;

    @Test
    void shouldAnswerARetryWithTheStoredRecordAndRefuseADifferentOne() {
        HttpGraphQlTester caseworker = StaffTokens.as(graphQl, StaffTokens.CASEWORKER).mutate()
                .responseTimeout(java.time.Duration.ofSeconds(30)).build();
        String first = caseworker.documentName("createPerson").variable("input", PERSON).execute()
                .path("createPerson.changedAt").entity(String.class).get();

        caseworker.documentName("createPerson").variable("input", PERSON).execute()
                .errors().verify()
                .path("createPerson.caseRef").entity(String.class).isEqualTo("2025-RT1")
                .path("createPerson.changedAt").entity(String.class).isEqualTo(first);

        Map<String, Object> other = new java.util.HashMap<>(PERSON);
        other.put("gender", "MALE");
        caseworker.documentName("createPerson").variable("input", other).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(errors.get(0).getMessage()).contains("exists already");
                });
    }
}
