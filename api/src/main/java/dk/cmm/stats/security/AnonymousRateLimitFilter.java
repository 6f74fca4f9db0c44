package dk.cmm.stats.security;

import dk.cmm.stats.system.ErrorBodies;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Limits anonymous callers per remote address (429 with a JSON error and Retry-After); token holders are not. */
final class AnonymousRateLimitFilter extends OncePerRequestFilter {

    private final TokenBuckets buckets;

    AnonymousRateLimitFilter(TokenBuckets buckets) {
        this.buckets = buckets;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (Actors.role() == Role.ANONYMOUS && isApi(request)) {
            String client = request.getRemoteAddr();
            if (!buckets.tryTake(client)) {
                response.setHeader("Retry-After", String.valueOf(buckets.retryAfterSeconds(client)));
                ErrorBodies.write(response, 429, ErrorBodies.graphQl("TOO_MANY_REQUESTS", "Too many requests "
                        + "without an API token from this address: wait a little, or ask the centre for a token."));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The API, not GraphiQL's page or the schema print. */
    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/graphql") || path.startsWith("/api/");
    }
}
