package dk.cmm.stats.security;

import org.springframework.security.access.AccessDeniedException;

/** A GraphQL field refused to the caller: UNAUTHORIZED without a token, FORBIDDEN with one of too low a role. */
class FieldAccessDeniedException extends AccessDeniedException {

    private final boolean unauthenticated;

    FieldAccessDeniedException(String message, boolean unauthenticated) {
        super(message);
        this.unauthenticated = unauthenticated;
    }

    boolean unauthenticated() {
        return unauthenticated;
    }
}
