package dk.cmm.stats.security;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An API token as stored: its name (who holds it), role, and the SHA-256 hash of the secret. The secret itself is
 * shown once when the token is made and never stored.
 */
@Document(ApiToken.COLLECTION)
public record ApiToken(@Id String id, String name, Role role, @Indexed(unique = true) String hash, Instant createdAt,
        String createdBy, Instant revokedAt) {

    public static final String COLLECTION = "apiTokens";

    public boolean active() {
        return revokedAt == null;
    }

    ApiToken revoked(Instant at) {
        return new ApiToken(id, name, role, hash, createdAt, createdBy, at);
    }
}
