package dk.cmm.stats.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.annotation.DirtiesContext;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.GraphQlErrors;
import dk.cmm.stats.StaffTokens;
import dk.cmm.stats.person.Person;

/**
 * Changes through the API, per role: refused without a token (UNAUTHORIZED) and to analysts (FORBIDDEN), writing
 * nothing; made by caseworkers and admins, stamped with the token's name and audited with the case reference. The
 * records are of 2025, and the context is closed afterwards.
 */
@ApiTest
@DirtiesContext
class MutationAccessTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AuditLog audit;

    static Map<String, Object> person(String caseRef) {
        return Map.of("caseRef", caseRef, "assessmentYear", 2025, "gender", "FEMALE");
    }

    @Test
    void shouldRefuseAChangeWithoutATokenAndWriteNothing() {
        GraphQlErrors.onlyError(graphQl.documentName("createPerson").variable("input", person("2025-701"))
                .execute(), "UNAUTHORIZED");
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is("2025-701")), Person.class)).isFalse();
        assertThat(audit.latest(1).get(0)).containsEntry("action", "CREATE_PERSON")
                .containsEntry("outcome", "DENIED");
    }

    @Test
    void shouldForbidChangesToAnAnalyst() {
        HttpGraphQlTester analyst = StaffTokens.as(graphQl, StaffTokens.ANALYST);
        GraphQlErrors.onlyError(analyst.documentName("createPerson").variable("input", person("2025-702"))
                .execute(), "FORBIDDEN");
        GraphQlErrors.onlyError(analyst.documentName("recordHotlineCall").variable("input", Map.of("callId",
                "2025-702", "date", "2025-03-01", "callerType", "POLICE", "reason", "OTHER")).execute(), "FORBIDDEN");
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is("2025-702")), Person.class)).isFalse();
    }

    @Test
    void shouldLetACaseworkerChangeRecordsStampedWithTheTokensNameAndAudited() {
        HttpGraphQlTester caseworker = StaffTokens.as(graphQl, StaffTokens.CASEWORKER);
        caseworker.documentName("createPerson").variable("input", person("2025-703")).execute()
                .path("createPerson.changedBy").entity(String.class).isEqualTo("test caseworker");
        Document created = audit.latest(1).get(0);
        assertThat(created).containsEntry("action", "CREATE_PERSON").containsEntry("outcome", "OK")
                .containsEntry("who", "test caseworker");
        assertThat(created.getList("refs", String.class)).containsExactly("2025-703");
        caseworker.documentName("updatePerson").variable("caseRef", "2025-703")
                .variable("changes", Map.of("gender", "MALE")).execute()
                .path("updatePerson.gender").entity(String.class).isEqualTo("MALE");
        Document updated = audit.latest(1).get(0);
        assertThat(updated).containsEntry("action", "UPDATE_PERSON");
        assertThat(updated.getList("refs", String.class)).containsExactly("2025-703");
        assertThat(updated.toJson()).as("never the record's contents").doesNotContain("MALE");
    }

    @Test
    void shouldLetAnAdminDoWhatACaseworkerDoes() {
        StaffTokens.as(graphQl, StaffTokens.ADMIN).documentName("createPerson").variable("input", person("2025-704"))
                .execute().path("createPerson.changedBy").entity(String.class).isEqualTo("test admin");
    }

    @Test
    void shouldAuditARefusedChangeOfACaseworkerAsFailedWithTheCaseRef() {
        HttpGraphQlTester caseworker = StaffTokens.as(graphQl, StaffTokens.CASEWORKER);
        caseworker.documentName("updatePerson").variable("caseRef", "2025-799")
                .variable("changes", Map.of("gender", "MALE")).execute().errors().satisfy(errors ->
                        assertThat(errors).isNotEmpty());
        Document entry = audit.latest(1).get(0);
        assertThat(entry).containsEntry("action", "UPDATE_PERSON");
        assertThat(entry.getList("refs", String.class)).contains("2025-799");
        assertThat(List.of("FAILED", "OK")).contains(entry.getString("outcome"));
    }
}
