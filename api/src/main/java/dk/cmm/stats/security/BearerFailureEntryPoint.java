package dk.cmm.stats.security;

import dk.cmm.stats.system.ErrorBodies;

import java.io.IOException;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers a request whose bearer token is not valid. On {@code /graphql} the answer is a GraphQL error classified
 * UNAUTHORIZED (HTTP 200, as for any GraphQL error, so that GraphiQL and clients show it); elsewhere HTTP 401. Both
 * carry {@code WWW-Authenticate: Bearer error="invalid_token"} (RFC 6750). Nothing is executed for such a request.
 */
final class BearerFailureEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", "
                + "error_description=\"The bearer token is unknown, revoked or malformed\"");
        ErrorBodies.write(response, path.equals("/graphql") ? 200 : 401, ErrorBodies.graphQl("UNAUTHORIZED",
                "The bearer token is not valid: it is unknown, revoked or malformed. Send no Authorization header "
                        + "to use the public statistics."));
    }
}
