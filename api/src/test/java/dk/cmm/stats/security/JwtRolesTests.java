package dk.cmm.stats.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** With an OIDC/JWT issuer (cmm.security.bearer=JWT), the role claim gives the role and the username the actor. */
class JwtRolesTests {

    static Jwt jwt(Object roles) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("u-123")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60))
                .claim("preferred_username", "anna@cmm.dk");
        if (roles != null) {
            builder.claim("roles", roles);
        }
        return builder.build();
    }

    @Test
    void shouldGiveTheHighestOfOurRolesInTheClaimAndTheRolesItIncludes() {
        AbstractAuthenticationToken token = SecurityConfiguration.jwtRoles("roles")
                .convert(jwt(List.of("offline_access", "caseworker", "analyst")));
        assertThat(Role.of(token)).isEqualTo(Role.CASEWORKER);
        assertThat(token.getName()).isEqualTo("anna@cmm.dk");
        assertThat(token.getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_ANALYST", "ROLE_CASEWORKER");
    }

    @Test
    void shouldReadARoleGivenAsOneString() {
        assertThat(Role.of(SecurityConfiguration.jwtRoles("roles").convert(jwt("ADMIN")))).isEqualTo(Role.ADMIN);
    }

    @Test
    void shouldGiveNoRoleToAValidTokenWithoutOne() {
        AbstractAuthenticationToken token = SecurityConfiguration.jwtRoles("roles").convert(jwt(null));
        assertThat(token.getAuthorities()).isEmpty();
        assertThat(Role.of(token)).as("authenticated, but may only what anyone may").isEqualTo(Role.ANONYMOUS);
    }
}
