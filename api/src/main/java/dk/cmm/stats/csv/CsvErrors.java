package dk.cmm.stats.csv;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;

import dk.cmm.stats.disclosure.DisclosureLimitException;
import dk.cmm.stats.stats.InvalidQueryException;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The errors of the analysts' files, in the format that was asked for: bad parameters are 400, a question disclosure
 * control does not answer without a token is 403 with the reason; from a CSV endpoint as plain text, from a JSON-stat
 * endpoint ({@link StatsJsonStatController}) as a JSON-stat {@code error} body.
 */
@RestControllerAdvice(basePackageClasses = CsvErrors.class)
class CsvErrors {

    private static final MediaType TEXT_UTF8 = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    @ExceptionHandler({ BadCsvRequestException.class, InvalidQueryException.class })
    ResponseEntity<?> badRequest(RuntimeException ex, HandlerMethod handler) {
        if (isJsonStat(handler)) {
            return jsonStat(400, "BAD_REQUEST", ex.getMessage());
        }
        return ResponseEntity.badRequest().contentType(TEXT_UTF8).header("X-Content-Type-Options", "nosniff")
                .body(ex.getMessage() + "\n");
    }

    @ExceptionHandler(DisclosureLimitException.class)
    ResponseEntity<?> refused(DisclosureLimitException ex, HandlerMethod handler) {
        if (isJsonStat(handler)) {
            return jsonStat(403, "FORBIDDEN", ex.getMessage());
        }
        return ResponseEntity.status(403).contentType(TEXT_UTF8).body(ex.getMessage() + "\n");
    }

    private static boolean isJsonStat(HandlerMethod handler) {
        return handler != null && StatsJsonStatController.class.isAssignableFrom(handler.getBeanType());
    }

    /** A JSON-stat error body (the format's {@code error} array), never kept by a cache. */
    private static ResponseEntity<ObjectNode> jsonStat(int status, String id, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("version", "2.0");
        ObjectNode error = body.putArray("error").addObject();
        error.put("status", String.valueOf(status));
        error.put("id", id);
        error.put("label", message);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .header("X-Content-Type-Options", "nosniff").header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
