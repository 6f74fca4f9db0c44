package dk.cmm.stats.graphql;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dk.cmm.stats.stats.InvalidQueryException;

/**
 * The cursor of a person in the {@code persons} connection: its case reference (the stable sort key) and an
 * HMAC-SHA256 of it, base64url-encoded, so that a cursor is opaque in fact: one the server did not make, or one that
 * was changed, is a BAD_REQUEST. The key is {@code cmm.graphql.cursor-secret}; where it is not set, a random key per
 * process, so cursors then last as long as the process (set the secret where several instances serve one API).
 */
@Component
class PersonCursor {

    private static final int SIGNATURE_BYTES = 16;

    private final SecretKeySpec key;

    PersonCursor(@Value("${cmm.graphql.cursor-secret:}") String secret) {
        byte[] bytes = secret.isBlank() ? new SecureRandom().generateSeed(32) : secret.getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    String encode(String caseRef) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(caseRef.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(signature(caseRef));
    }

    /** The case reference in a cursor; a cursor this API did not make is a bad request. */
    String decode(String cursor) {
        String text = cursor.strip();
        int dot = text.indexOf('.');
        try {
            if (dot > 0) {
                String caseRef = new String(Base64.getUrlDecoder().decode(text.substring(0, dot)),
                        StandardCharsets.UTF_8);
                byte[] signature = Base64.getUrlDecoder().decode(text.substring(dot + 1));
                if (MessageDigest.isEqual(signature, signature(caseRef))) {
                    return caseRef;
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64: refused below
        }
        throw new InvalidQueryException("after",
                "Malformed cursor: pass a cursor from a previous page (e.g. pageInfo.endCursor)");
    }

    private byte[] signature(String caseRef) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(caseRef.getBytes(StandardCharsets.UTF_8)), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
