package dk.cmm.stats.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Spring Security for the API: stateless, bearer tokens through the OAuth2 resource server (our API tokens as
 * opaque tokens by default, an OIDC/JWT issuer with {@code cmm.security.bearer=JWT}), every request allowed at the
 * HTTP level and each GraphQL field checked by {@link GraphQlGuard}. Adds the request size limit, the anonymous rate
 * limit and the security headers. Commands that run without a web server (import, export, token) are trusted local
 * access and have none of it.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AccessProperties properties, ApiTokens tokens,
            SecurityHeaders headers) throws Exception {
        BearerFailureEntryPoint entryPoint = new BearerFailureEntryPoint();
        http.cors(cors -> { })
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                .oauth2ResourceServer(resourceServer -> {
                    resourceServer.authenticationEntryPoint(entryPoint);
                    if (properties.bearer() == AccessProperties.Bearer.JWT) {
                        resourceServer.jwt(jwt -> jwt.jwtAuthenticationConverter(
                                jwtRoles(properties.jwtRoleClaim())));
                    } else {
                        resourceServer.opaqueToken(opaque -> opaque.introspector(new ApiTokenIntrospector(tokens)));
                    }
                })
                .headers(h -> {
                    h.contentTypeOptions(c -> { });
                    h.frameOptions(f -> f.deny());
                    h.referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER));
                    h.addHeaderWriter(headers);
                })
                .addFilterAfter(new RequestSizeFilter(properties.maxRequestBytes()), HeaderWriterFilter.class)
                .addFilterAfter(new AnonymousRateLimitFilter(new TokenBuckets(properties.anonymousPerMinute(),
                        properties.anonymousBurst(), properties.trackedClients(), System::nanoTime)),
                        AnonymousAuthenticationFilter.class);
        return http.build();
    }

    /**
     * No Micrometer observations of Spring Security's filters, authentications and authorizations. With the actuator
     * on the class path, Spring Security wraps each of the chain's dozen filters in an observation of its own (a
     * timer looked up by tags, started and stopped per filter and request): in a profile of cached answers the
     * observation code itself took about a seventh of the samples (its wrappers sat in three quarters of the
     * stacks), for metrics this application never exposes (only health is). The request itself is still observed once
     * ({@code http.server.requests}), and the audit log records what tokens do.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * With an OIDC/JWT issuer: the token's subject (or preferred_username) is the actor, and the role claim (a
     * string or a list) gives the role and the roles it includes.
     */
    static Converter<Jwt, AbstractAuthenticationToken> jwtRoles(String claim) {
        return jwt -> {
            Object value = jwt.getClaims().get(claim);
            Collection<?> names = value instanceof Collection<?> c ? c : value == null ? List.of() : List.of(value);
            Role best = Role.ANONYMOUS;
            for (Object name : names) {
                try {
                    Role role = Role.parse(String.valueOf(name));
                    best = role.includes(best) ? role : best;
                } catch (IllegalArgumentException e) {
                    // a role of another application
                }
            }
            List<GrantedAuthority> authorities = new ArrayList<>(best.authorities());
            String who = jwt.getClaimAsString("preferred_username");
            return new JwtAuthenticationToken(jwt, authorities, who != null ? who : jwt.getSubject());
        };
    }
}
