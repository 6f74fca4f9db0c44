package dk.cmm.stats.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Makes, lists, revokes and checks API tokens. A token is {@value #PREFIX} and 32 random bytes in base64url; only
 * its SHA-256 hash is stored, so a copy of the database holds no usable token.
 */
@Service
public class ApiTokens {

    public static final String PREFIX = "cmm_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;

    public ApiTokens(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Makes a token; the returned secret is the only copy there will ever be. */
    public Issued create(String name, Role role, String createdBy) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a token needs a name that says who holds it");
        }
        if (role == Role.ANONYMOUS) {
            throw new IllegalArgumentException("a token's role is analyst, caseworker or admin");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        byte[] idBytes = new byte[6];
        RANDOM.nextBytes(idBytes);
        ApiToken token = new ApiToken(HexFormat.of().formatHex(idBytes), name.trim(), role, hash(secret),
                Instant.now(), createdBy, null);
        mongo.insert(token);
        return new Issued(token, secret);
    }

    public List<ApiToken> list() {
        return mongo.find(new Query().with(Sort.by("createdAt")), ApiToken.class);
    }

    /** Revokes a token; empty if there is no token with that id. */
    public Optional<ApiToken> revoke(String id) {
        ApiToken token = mongo.findById(id, ApiToken.class);
        if (token == null) {
            return Optional.empty();
        }
        if (!token.active()) {
            return Optional.of(token);
        }
        ApiToken revoked = token.revoked(Instant.now());
        mongo.save(revoked);
        return Optional.of(revoked);
    }

    /** The active token with this secret, if there is one. */
    public Optional<ApiToken> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        ApiToken token = mongo.findOne(Query.query(Criteria.where("hash").is(hash(secret))), ApiToken.class);
        return Optional.ofNullable(token).filter(ApiToken::active);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** A token just made, with its secret. */
    public record Issued(ApiToken token, String secret) {
    }
}
