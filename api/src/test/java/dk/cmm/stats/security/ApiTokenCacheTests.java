package dk.cmm.stats.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.GraphQlErrors;
import dk.cmm.stats.StaffTokens;

/**
 * Verified tokens are kept in memory per version of the tokens collection: a token is checked against MongoDB once,
 * and a revocation, by this instance, another one on the same database or a write to the collection itself, refuses
 * it at the very next request.
 */
@ApiTest
class ApiTokenCacheTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    ApiTokens tokens;

    @Autowired
    MongoTemplate mongo;

    @Test
    void shouldRefuseATokenRevokedByAnotherInstanceAtTheNextRequest() {
        ApiTokens.Issued issued = tokens.create("cache: other instance", Role.ANALYST, "test");
        HttpGraphQlTester desk = StaffTokens.as(graphQl, issued.secret());
        for (int i = 0; i < 3; i++) { // verified once, then from memory
            desk.documentName("years").execute().path("years").entityList(Integer.class).contains(2012);
        }
        ApiTokens otherInstance = new ApiTokens(mongo, (LongSupplier) null);
        assertThat(otherInstance.revoke(issued.token().id())).hasValueSatisfying(t -> assertThat(t.active()).isFalse());
        GraphQlErrors.onlyError(desk.documentName("years").execute(), "UNAUTHORIZED");
    }

    @Test
    void shouldRefuseATokenRevokedByAWriteToTheCollectionAtTheNextRequest() {
        ApiTokens.Issued issued = tokens.create("cache: raw write", Role.ANALYST, "test");
        HttpGraphQlTester desk = StaffTokens.as(graphQl, issued.secret());
        desk.documentName("years").execute().path("years").entityList(Integer.class).contains(2012);
        desk.documentName("years").execute().path("years").entityList(Integer.class).contains(2012);
        // the embedded server counts every write to the collection, whoever makes it
        mongo.updateFirst(Query.query(Criteria.where("_id").is(issued.token().id())),
                new Update().set("revokedAt", Instant.now()), ApiToken.COLLECTION);
        GraphQlErrors.onlyError(desk.documentName("years").execute(), "UNAUTHORIZED");
    }

    /** The path of a real MongoDB, where the version is the counter that creating and revoking a token move. */
    @Test
    void shouldSeeRevocationsAndNewTokensOfOtherInstancesThroughTheCounter() {
        ApiTokens here = new ApiTokens(mongo, (LongSupplier) null);
        ApiTokens there = new ApiTokens(mongo, (LongSupplier) null);
        ApiTokens.Issued issued = there.create("cache: counter", Role.CASEWORKER, "test");
        assertThat(here.authenticate(issued.secret())).hasValueSatisfying(t -> assertThat(t.role())
                .isEqualTo(Role.CASEWORKER));
        assertThat(here.authenticate(issued.secret())).isPresent();
        there.revoke(issued.token().id());
        assertThat(here.authenticate(issued.secret())).isEmpty();
        ApiTokens.Issued next = there.create("cache: counter, next", Role.ANALYST, "test");
        assertThat(here.authenticate(next.secret())).isPresent();
        assertThat(here.authenticate(next.secret() + "x")).isEmpty();
    }

    /**
     * A verified token is answered from memory while the version stands: with a version that never moves, removing
     * the stored token leaves it accepted (which is why every write to the tokens must move the version).
     */
    @Test
    void shouldAnswerARepeatedTokenFromMemoryWhileTheVersionStands() {
        ApiTokens fixedVersion = new ApiTokens(mongo, () -> 7L);
        ApiTokens.Issued issued = tokens.create("cache: fixed version", Role.ANALYST, "test");
        assertThat(fixedVersion.authenticate(issued.secret())).isPresent();
        mongo.remove(Query.query(Criteria.where("_id").is(issued.token().id())), ApiToken.COLLECTION);
        assertThat(fixedVersion.authenticate(issued.secret())).as("from memory").isPresent();
        assertThat(tokens.authenticate(issued.secret())).as("the application's cache saw the removal").isEmpty();
        assertThat(new ApiTokens(mongo, () -> 8L).authenticate(issued.secret())).isEmpty();
    }
}
