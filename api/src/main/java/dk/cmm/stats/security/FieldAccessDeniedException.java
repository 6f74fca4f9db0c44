package dk.cmm.stats.security;

import org.springframework.security.access.AccessDeniedException;

/** A GraphQL field refused to the caller: UNAUTHORIZED without a token, FORBIDDEN with one of too low a role. */
public class FieldAccessDeniedException extends AccessDeniedException {

    private final boolean unauthenticated;

    FieldAccessDeniedException(String message, boolean unauthenticated) {
        super(message);
        this.unauthenticated = unauthenticated;
    }

    public boolean unauthenticated() {
        return unauthenticated;
    }
}
