package dk.cmm.stats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dk.cmm.stats.cli.MainTests.Output;
import dk.cmm.stats.security.ApiToken;
import dk.cmm.stats.security.ApiTokens;
import dk.cmm.stats.security.AuditLog;

/**
 * {@code cmm-stats token create|list|revoke} through {@link Main#run}, on a data folder this test's application
 * owns (the command connects to its embedded server), so the tests read what was stored directly.
 */
@SpringBootTest
class TokenCommandTests {

    private static final Path DATA = Path.of("target/test-data/token-cli-" + UUID.randomUUID());
    private static final Pattern TOKEN = Pattern.compile("cmm_[A-Za-z0-9_-]{43}");
    private static final Pattern ID = Pattern.compile("Token ([0-9a-f]{12}) for");

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) {
        registry.add("cmm.data-dir", DATA::toString);
    }

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ApiTokens tokens;

    private static Output cmmStats(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--cmm.data-dir=" + DATA);
        return Output.capture(() -> Main.run(all.toArray(String[]::new)));
    }

    private static String find(Pattern pattern, String text, int group) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(group);
    }

    @Test
    void shouldPrintANewTokenOnceAndStoreOnlyItsHash() {
        Output output = cmmStats("token", "create", "--role", "analyst", "--name", "Politiken data desk");
        assertThat(output.exitCode()).as(output.err()).isZero();
        String secret = find(TOKEN, output.out(), 0);
        String id = find(ID, output.out(), 1);
        assertThat(output.out()).contains("Politiken data desk", "analyst", "shown only now",
                "Authorization: Bearer");
        Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class,
                ApiToken.COLLECTION);
        assertThat(stored.getString("role")).isEqualTo("ANALYST");
        assertThat(stored.toJson()).doesNotContain(secret);
        assertThat(tokens.authenticate(secret)).hasValueSatisfying(t -> assertThat(t.name())
                .isEqualTo("Politiken data desk"));
        assertThat(mongo.findOne(Query.query(Criteria.where("action").is("TOKEN_CREATE").and("refs").is(id)),
                Document.class, AuditLog.COLLECTION)).isNotNull();
    }

    @Test
    void shouldListTokensWithoutTheirSecrets() {
        Output created = cmmStats("token", "create", "--role", "CASEWORKER", "--name", "Reden caseworker");
        String secret = find(TOKEN, created.out(), 0);
        Output list = cmmStats("token", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("Reden caseworker", "caseworker").doesNotContain(secret)
                .doesNotContain(secret.substring(4, 20));
    }

    @Test
    void shouldRevokeATokenSoThatItStopsWorking() {
        Output created = cmmStats("token", "create", "--role", "admin", "--name", "IT desk");
        String secret = find(TOKEN, created.out(), 0);
        String id = find(ID, created.out(), 1);
        Output revoked = cmmStats("token", "revoke", id);
        assertThat(revoked.exitCode()).as(revoked.err()).isZero();
        assertThat(revoked.out()).contains("revoked");
        assertThat(tokens.authenticate(secret)).isEmpty();
        assertThat(cmmStats("token", "list").out()).containsPattern(id + "\\s+admin\\s+\\S+ \\S+\\s+\\d{4}-");
    }

    @Test
    void shouldRefuseAnUnknownRoleAndAnUnknownId() {
        Output badRole = cmmStats("token", "create", "--role", "editor", "--name", "x");
        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.err()).contains("unknown role 'editor'");
        Output badId = cmmStats("token", "revoke", "000000000000");
        assertThat(badId.exitCode()).isEqualTo(1);
        assertThat(badId.err()).contains("no token with id '000000000000'");
        Output noName = cmmStats("token", "create", "--role", "analyst");
        assertThat(noName.exitCode()).isEqualTo(2);
        assertThat(noName.err()).contains("--name");
    }

    @Test
    void shouldBeListedInTheHelp() {
        assertThat(cmmStats("--help").out()).contains("token");
        assertThat(cmmStats("token", "--help").out()).contains("create", "list", "revoke");
    }
}
