package dk.cmm.stats.security;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Content-Security-Policy. The API's answers (JSON, CSV) may load nothing and be framed by nothing. GraphiQL's
 * page ({@code graphql.GraphiQlPage}) loads its scripts, styles and fonts from this server only (WebJars in the jar,
 * no CDN, no inline script) and talks to this server only; React sets inline styles, so styles allow them.
 * The home page and the table builder ({@code /}, {@code /explore}) may load their own scripts and styles and call
 * this server, nothing else; the exported reports ({@code /reports/}) have no script and the same policy.
 * (Strict-Transport-Security is Spring Security's and only sent over HTTPS.)
 */
@Component
class SecurityHeaders implements HeaderWriter {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** The home page and the table builder: their own scripts, styles and API calls, from this server only. */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    static final String GRAPHIQL_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "font-src 'self' data:; img-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("Content-Security-Policy", path.startsWith("/graphiql") ? GRAPHIQL_POLICY
                : path.equals("/") || path.equals("/index.html") || path.equals("/explore")
                        || path.startsWith("/explore/") || path.startsWith("/reports/") ? PAGE_POLICY : API_POLICY);
    }
}
