package dk.cmm.stats.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.GraphQlErrors;
import dk.cmm.stats.StaffTokens;
import dk.cmm.stats.person.Person;
import dk.cmm.stats.storage.StorageState;

/**
 * A write is audited, or not kept: the audit entry is written first (STARTED) and completed after the write. When
 * the entry cannot be written (here the audit insert fails as on a full disk), nothing is written and the caller is
 * told the store is unavailable, not an internal error.
 */
@ApiTest
@DirtiesContext
class AuditedWriteTests {

    @MockitoSpyBean
    AuditLog audit;

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void healAudit() {
        reset(audit);
    }

    @Test
    void shouldWriteNothingAndAnswerUnavailableWhenTheAuditEntryCannotBeWritten() {
        MongoWriteException full = new MongoWriteException(new WriteError(StorageState.outOfDiskSpaceCode(),
                "the embedded MongoDB's data file cmm.mv.db could not be written (No space left on device); the "
                        + "store is closed", new BsonDocument()), new ServerAddress("127.0.0.1", 27017), Set.of());
        doThrow(full).when(audit).start(anyString(), anyList());
        doThrow(full).when(audit).record(anyString(), anyList(), any(AuditLog.Outcome.class));

        ResponseError error = GraphQlErrors.onlyError(StaffTokens.as(graphQl, StaffTokens.CASEWORKER)
                .documentName("createPerson").variable("input", Map.of("caseRef", "2025-AU1", "assessmentYear",
                        2025, "gender", "FEMALE")).execute(), "UNAVAILABLE");

        assertThat(error.getMessage()).contains("No space left on device").doesNotContain("Internal error");
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is("2025-AU1")), Person.class))
                .as("no write without its audit entry").isFalse();
    }

    @Test
    void shouldStartTheEntryBeforeTheWriteAndCompleteItAfter() {
        StaffTokens.as(graphQl, StaffTokens.CASEWORKER).documentName("createPerson").variable("input",
                Map.of("caseRef", "2025-AU2", "assessmentYear", 2025, "gender", "FEMALE")).execute()
                .path("createPerson.caseRef").entity(String.class).isEqualTo("2025-AU2");

        Document entry = mongo.getCollection(AuditLog.COLLECTION).find(new Document("action", "CREATE_PERSON")
                .append("refs", "2025-AU2")).first();
        assertThat(entry).isNotNull();
        assertThat(entry.getString("outcome")).isEqualTo("OK");
        assertThat(entry.get("completedAt")).isNotNull();
        assertThat(entry.getList("refs", String.class)).isEqualTo(List.of("2025-AU2"));
    }
}
