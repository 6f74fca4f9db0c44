package dk.cmm.stats.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who may do what, each role including the ones before it: anonymous callers see protected statistics, analysts
 * exact statistics, caseworkers person records and every change, admins also the API tokens.
 */
public enum Role {
    ANONYMOUS, ANALYST, CASEWORKER, ADMIN;

    /** Spring Security's authority of the role: {@code ROLE_ANALYST}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    /** The authorities a bearer of this role holds: its own and every role it includes. */
    public List<GrantedAuthority> authorities() {
        return Arrays.stream(values()).filter(r -> r != ANONYMOUS && includes(r))
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }

    /** The highest role an authentication carries; anonymous without one. */
    public static Role of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return ANONYMOUS;
        }
        Role best = ANONYMOUS;
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            for (Role role : values()) {
                if (role.authority().equals(authority.getAuthority()) && role.ordinal() > best.ordinal()) {
                    best = role;
                }
            }
        }
        return best;
    }

    /** A role named on the command line or in a claim: {@code analyst}, {@code ANALYST}, {@code ROLE_ANALYST}. */
    public static Role parse(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT);
        return valueOf(name.startsWith("ROLE_") ? name.substring(5) : name);
    }
}
