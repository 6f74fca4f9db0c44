package dk.cmm.stats.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting: the name of the caller's token, or what stands for a caller without one. */
public final class Actors {

    /** The name stamped on changes made outside any request: the command line is trusted local access. */
    public static final String LOCAL = "local:" + System.getProperty("user.name", "unknown");

    public static final String ANONYMOUS = "anonymous";

    private Actors() {
    }

    public static Authentication authentication() {
        return SecurityContextHolder.getContext().getAuthentication();
    }

    /** The token's name for an authenticated caller; {@code anonymous} for a caller without one; the local user
     * outside a request. */
    public static String current() {
        Authentication authentication = authentication();
        if (authentication == null) {
            return LOCAL;
        }
        return Role.of(authentication) == Role.ANONYMOUS ? ANONYMOUS : authentication.getName();
    }

    /** The caller's role; anonymous when nothing is known (fails closed). */
    public static Role role() {
        return Role.of(authentication());
    }
}
