package dk.cmm.stats.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dk.cmm.stats.stats.InvalidQueryException;

/**
 * The opaque cursor of a person in the {@code persons} connection: its case reference (the stable sort key) behind
 * a prefix, base64url-encoded. Clients pass it back as {@code after} and must not build it themselves.
 */
final class PersonCursor {

    private static final String PREFIX = "person:";

    private PersonCursor() {
    }

    static String encode(String caseRef) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + caseRef).getBytes(StandardCharsets.UTF_8));
    }

    /** The case reference in a cursor; a cursor this API did not make is a bad request. */
    static String decode(String cursor) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            text = "";
        }
        if (!text.startsWith(PREFIX) || text.length() == PREFIX.length()) {
            throw new InvalidQueryException("after",
                    "Malformed cursor: pass a cursor from a previous page (e.g. pageInfo.endCursor)");
        }
        return text.substring(PREFIX.length());
    }
}
