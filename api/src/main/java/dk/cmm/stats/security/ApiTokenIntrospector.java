package dk.cmm.stats.security;

import java.util.Map;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionAuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * The resource server's view of our API tokens: an opaque bearer token is looked up by its hash. This is the one
 * seam between Spring Security and the token store; an OIDC/JWT issuer replaces it by configuration.
 */
class ApiTokenIntrospector implements OpaqueTokenIntrospector {

    private final ApiTokens tokens;

    ApiTokenIntrospector(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        ApiToken found = tokens.authenticate(token).orElseThrow(() -> new BadOpaqueTokenException(
                "The bearer token is not valid: it is unknown, revoked or malformed."));
        return new OAuth2IntrospectionAuthenticatedPrincipal(found.name(),
                Map.of("sub", found.name(), "token_id", found.id(), "role", found.role().name()),
                found.role().authorities());
    }
}
