package dk.cmm.stats.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Access control and limits ({@code cmm.security.*}).
 *
 * @param bearer             who issues bearer tokens: {@code API_TOKENS} (ours, {@code cmm-stats token create}) or
 *                           {@code JWT} (an OIDC/JWT issuer set with {@code spring.security.oauth2.resourceserver.jwt.*})
 * @param jwtRoleClaim       with JWT: the claim holding the role (a string or a list: analyst, caseworker, admin)
 * @param maxRequestBytes    request bodies larger than this are refused with 413 (default 100 KB)
 * @param anonymousPerMinute requests a minute one anonymous client (remote address) may make on average
 * @param anonymousBurst     requests an anonymous client may make at once before the rate applies
 * @param trackedClients     anonymous clients remembered at most (the least recently seen are forgotten)
 */
@ConfigurationProperties("cmm.security")
public record AccessProperties(Bearer bearer, String jwtRoleClaim, Integer maxRequestBytes, Integer anonymousPerMinute,
        Integer anonymousBurst, Integer trackedClients) {

    public enum Bearer { API_TOKENS, JWT }

    public AccessProperties {
        bearer = bearer != null ? bearer : Bearer.API_TOKENS;
        jwtRoleClaim = jwtRoleClaim != null ? jwtRoleClaim : "roles";
        maxRequestBytes = maxRequestBytes != null ? maxRequestBytes : 100 * 1024;
        anonymousPerMinute = anonymousPerMinute != null ? anonymousPerMinute : 120;
        anonymousBurst = anonymousBurst != null ? anonymousBurst : 60;
        trackedClients = trackedClients != null ? trackedClients : 10_000;
    }
}
