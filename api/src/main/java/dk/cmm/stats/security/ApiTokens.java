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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.FindAndModifyOptions;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dk.cmm.stats.storage.DataVersion;
import dk.cmm.stats.storage.MongoEndpoint;

/**
 * Makes, lists, revokes and checks API tokens. A token is {@value #PREFIX} and 32 random bytes in base64url; only
 * its SHA-256 hash is stored, so a copy of the database holds no usable token.
 *
 * <p>Checking a token is on every authenticated request, so verified tokens are kept in memory, keyed by their hash,
 * for one <em>version of the tokens collection</em>: when this process runs the embedded server, the server's own
 * count of writes to {@value ApiToken#COLLECTION} (free to read, moved by every client's write); otherwise a counter
 * in {@code meta} that {@link #create} and {@link #revoke} bump, one {@code _id} lookup. Every request reads the
 * version first, and a different version empties the cache, so a revocation by any instance on the same database
 * refuses the token at the very next request.
 */
@Service
public class ApiTokens {

    public static final String PREFIX = "cmm_";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The counter's document in {@code meta}, for a database this process does not serve itself. */
    static final String VERSION_ID = "apiTokensVersion";

    /** More distinct verified tokens than this (there are a few dozen in practice) start the cache afresh. */
    static final int MAX_CACHED = 10_000;

    private final MongoTemplate mongo;
    private final LongSupplier version;
    private final AtomicReference<Verified> verified = new AtomicReference<>(new Verified(Long.MIN_VALUE));

    @Autowired
    public ApiTokens(MongoTemplate mongo, MongoEndpoint endpoint) {
        this(mongo, embeddedWrites(endpoint));
    }

    /** @param version the tokens collection's version, or null for the counter in {@code meta} */
    ApiTokens(MongoTemplate mongo, LongSupplier version) {
        this.mongo = mongo;
        this.version = version != null ? version : this::counter;
    }

    private static LongSupplier embeddedWrites(MongoEndpoint endpoint) {
        return endpoint.isEmbedded() ? endpoint.embedded().writeSequence(List.of(ApiToken.COLLECTION)) : null;
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
        bump();
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
        bump();
        return Optional.of(revoked);
    }

    /** The active token with this secret, if there is one. */
    public Optional<ApiToken> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(secret);
        long now = version.getAsLong(); // before the lookup: a write after it gives the next request a new version
        Verified cache = verified.get();
        if (cache.version != now) {
            Verified fresh = new Verified(now);
            cache = verified.compareAndSet(cache, fresh) ? fresh : verified.get();
        }
        ApiToken token = cache.version == now ? cache.byHash.get(hash) : null;
        if (token == null) {
            token = mongo.findOne(Query.query(Criteria.where("hash").is(hash)), ApiToken.class);
            if (token != null && token.active() && cache.version == now && cache.byHash.size() < MAX_CACHED) {
                cache.byHash.put(hash, token); // only tokens found active: unknown ones cannot fill the memory
            }
        }
        return Optional.ofNullable(token).filter(ApiToken::active);
    }

    /** Verified tokens by hash, valid while the tokens collection is at {@code version}. */
    private static final class Verified {
        final long version;
        final ConcurrentHashMap<String, ApiToken> byHash = new ConcurrentHashMap<>();

        Verified(long version) {
            this.version = version;
        }
    }

    private long counter() {
        Document doc = mongo.getCollection(DataVersion.COLLECTION).find(new Document("_id", VERSION_ID)).first();
        return doc == null ? 0 : ((Number) doc.get("version")).longValue();
    }

    /** Moves the counter after a write to the tokens, so every instance's cache misses at its next request. */
    private void bump() {
        mongo.findAndModify(Query.query(Criteria.where("_id").is(VERSION_ID)), new Update().inc("version", 1),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, DataVersion.COLLECTION);
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
