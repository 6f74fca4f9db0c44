package dk.cmm.stats.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one writer of error bodies answered outside a GraphQL execution (by a filter, the GraphQL GET handler,
 * Tomcat itself), through Jackson: a GraphQL error, {@code {"errors":[{"message":…,"extensions":{"classification":…}}]}},
 * so that GraphiQL and GraphQL clients show it like any other, or {@code {"error":…}} for the other endpoints.
 */
public final class ErrorBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorBodies() {
    }

    /** A GraphQL response holding one error of the classification ({@code BAD_REQUEST}, {@code UNAVAILABLE}, …). */
    public static byte[] graphQl(String classification, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", Map.of("classification", classification));
        return JSON.writeValueAsBytes(Map.of("errors", List.of(error)));
    }

    /**
     * The error body an endpoint's clients read: a GraphQL error on the GraphQL endpoint ({@code /graphql} and the
     * paths beneath it, such as {@code /graphql/schema}; also a request whose path could not be read, most often a
     * GraphQL query sent unencoded), {@code {"error": message}} elsewhere. {@code path} is without the context path.
     */
    public static byte[] forPath(String path, String classification, String message) {
        return path == null || path.equals("/graphql") || path.startsWith("/graphql/") ? graphQl(classification, message)
                : plain(message);
    }

    /** {@code {"error": message}}. */
    public static byte[] plain(String message) {
        return JSON.writeValueAsBytes(Map.of("error", message));
    }

    /** Answers with the status and the body, as JSON in UTF-8. */
    public static void write(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.getOutputStream().flush();
        } catch (IllegalStateException writerTaken) {
            // something before took the response's writer (a handler that failed halfway): write through it
            response.getWriter().write(new String(body, StandardCharsets.UTF_8));
            response.getWriter().flush();
        }
    }
}
