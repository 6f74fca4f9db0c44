package dk.cmm.stats;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import dk.cmm.stats.security.ApiToken;
import dk.cmm.stats.security.ApiTokens;
import dk.cmm.stats.security.Role;

/**
 * Known API tokens for tests, one per role, stored (as hashes, like any token) when the test application starts.
 * Tests of the exact API (the report's numbers, person pages) call as staff; tests of what the public sees call
 * without a token.
 */
public final class StaffTokens {

    public static final String ANALYST = ApiTokens.PREFIX + "test-analyst-0000000000000000000000000000000";
    public static final String CASEWORKER = ApiTokens.PREFIX + "test-caseworker-000000000000000000000000000";
    public static final String ADMIN = ApiTokens.PREFIX + "test-admin-00000000000000000000000000000000000";

    private StaffTokens() {
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The tester, calling with the token. */
    public static HttpGraphQlTester as(HttpGraphQlTester tester, String token) {
        return tester.mutate().header("Authorization", bearer(token)).build();
    }

    /** Stores the three tokens in the test application's database. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Install {

        @Bean
        Installed staffTokensInstalled(MongoTemplate mongo) {
            store(mongo, "test-analyst", "test analyst", Role.ANALYST, ANALYST);
            store(mongo, "test-caseworker", "test caseworker", Role.CASEWORKER, CASEWORKER);
            store(mongo, "test-admin", "test admin", Role.ADMIN, ADMIN);
            return new Installed();
        }

        private static void store(MongoTemplate mongo, String id, String name, Role role, String secret) {
            mongo.save(new ApiToken(id, name, role, ApiTokens.hash(secret), Instant.now(), "test", null));
        }
    }

    /** Marks that the tokens are stored. */
    public static final class Installed {
    }
}
