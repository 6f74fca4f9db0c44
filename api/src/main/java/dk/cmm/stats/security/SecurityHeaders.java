package dk.cmm.stats.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Content-Security-Policy. The API's answers (JSON, CSV) may load nothing and be framed by nothing. GraphiQL's
 * page (spring-graphql's {@code graphiql/index.html}) loads GraphiQL, React and their styles from esm.sh, with
 * subresource integrity, and runs two inline scripts (its import map and its start-up module): its policy allows
 * exactly that origin and those two scripts by their SHA-256 hashes, computed from the page at start-up.
 * The home page and the table builder ({@code /}, {@code /explore}) may load their own scripts and styles and call
 * this server, nothing else. (Strict-Transport-Security is Spring Security's and only sent over HTTPS.)
 */
@Component
class SecurityHeaders implements HeaderWriter {

    static final String CDN = "https://esm.sh";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** The home page and the table builder: their own scripts, styles and API calls, from this server only. */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final String graphiqlPolicy;

    SecurityHeaders() {
        List<String> hashes = inlineScriptHashes("graphiql/index.html");
        String scripts = hashes.isEmpty() ? "'unsafe-inline'" : String.join(" ", hashes);
        graphiqlPolicy = "default-src 'self'; script-src 'self' " + scripts + " " + CDN + "; style-src 'self' "
                + "'unsafe-inline' " + CDN + "; font-src 'self' data: " + CDN + "; img-src 'self' data:; "
                + "connect-src 'self' " + CDN + "; worker-src 'self' blob: " + CDN + "; frame-ancestors 'none'; "
                + "base-uri 'none'; form-action 'self'";
    }

    String graphiqlPolicy() {
        return graphiqlPolicy;
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("Content-Security-Policy", path.startsWith("/graphiql") ? graphiqlPolicy
                : path.equals("/") || path.equals("/index.html") || path.equals("/explore")
                        || path.startsWith("/explore/") ? PAGE_POLICY : API_POLICY);
    }

    static List<String> inlineScriptHashes(String resource) {
        List<String> hashes = new ArrayList<>();
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", Pattern.DOTALL).matcher(html);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            while (m.find()) {
                hashes.add("'sha256-" + Base64.getEncoder().encodeToString(
                        sha.digest(m.group(1).getBytes(StandardCharsets.UTF_8))) + "'");
            }
        } catch (IOException | NoSuchAlgorithmException e) {
            return List.of();
        }
        return hashes;
    }
}
