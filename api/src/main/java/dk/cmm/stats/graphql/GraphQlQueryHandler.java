package dk.cmm.stats.graphql;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.AlternativeJdkIdGenerator;
import org.springframework.util.IdGenerator;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import dk.cmm.stats.security.Actors;
import dk.cmm.stats.security.Role;
import dk.cmm.stats.system.ErrorBodies;
import graphql.language.OperationDefinition;
import jakarta.servlet.ServletException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers GraphQL over HTTP where spring-graphql's own handler does not, or not from a cache (the routes and what
 * each promises are {@link QueryEndpoints}'): a GET query with its ETag and Cache-Control, a statistics-only POST
 * from the {@link AnswerCache}, and introspection at the schema URL. Every query runs through the same
 * {@link WebGraphQlHandler} as spring-graphql's POST handler: the same interceptors, field guard, disclosure control
 * and limits, and the same status rule. Errors of the request itself (no query, variables that are not a JSON
 * object, a mutation over GET) are GraphQL errors classified BAD_REQUEST, written by {@link ErrorBodies}.
 */
final class GraphQlQueryHandler {

    static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");
    private static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);
    /** What spring-graphql's POST handler answers in, in this order of preference (anything else: JSON). */
    private static final List<MediaType> POST_TYPES = List.of(GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON,
            new MediaType("application", "graphql+json"));

    private final WebGraphQlHandler graphQl;
    private final GraphQlHttpHandler postHandler;
    private final AnswerVersion version;
    private final JsonMapper json;
    private final DocumentFacts documents;
    /** Null when answers are not kept ({@code cmm.graphql.answer-cache.enabled=false}). */
    private final AnswerCache answers;
    private final CacheControl anonymous;
    private final IdGenerator ids = new AlternativeJdkIdGenerator();

    /** A GraphQL request's parts, as GET's parameters or a POST body carry them. */
    private record Question(String query, String operationName, Map<String, Object> variables,
            Map<String, Object> extensions) {
    }

    /** A POST body the cache can answer: a statistics-only question and the media type to answer in. */
    private record Cacheable(Question question, DocumentFacts.Facts facts, MediaType mediaType) {
    }

    GraphQlQueryHandler(WebGraphQlHandler graphQl, GraphQlHttpHandler postHandler, AnswerVersion version,
            JsonMapper json, DocumentFacts documents, AnswerCache answers, CacheControl anonymous) {
        this.graphQl = graphQl;
        this.postHandler = postHandler;
        this.version = version;
        this.json = json;
        this.documents = documents;
        this.answers = answers;
        this.anonymous = anonymous;
    }

    /** {@code GET /graphql} (and HEAD): a query with its ETag, a 304 for a matching If-None-Match. */
    ServerResponse get(ServerRequest request) {
        String query = request.param("query").filter(q -> !q.isBlank()).orElse(null);
        if (query == null) {
            return error(HttpStatus.BAD_REQUEST, "GET /graphql needs a 'query' parameter (the GraphQL document, "
                    + "URL-encoded); send mutations with POST.");
        }
        String operationName = request.param("operationName").filter(n -> !n.isBlank()).orElse(null);
        Question question;
        try {
            question = new Question(query, operationName, jsonObject(request, "variables"),
                    jsonObject(request, "extensions"));
        } catch (IllegalArgumentException e) {
            return error(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        Optional<DocumentFacts.Facts> facts = documents.of(query, operationName);
        if (facts.isPresent() && facts.get().operation() != OperationDefinition.Operation.QUERY) {
            return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "POST")
                    .contentType(JSON_UTF8).body(ErrorBodies.graphQl("BAD_REQUEST", "Only queries can be sent "
                            + "with GET; send a " + facts.get().operation().name().toLowerCase(Locale.ROOT)
                            + " with POST."));
        }
        MediaType mediaType = responseType(request);
        Role role = Actors.role();
        AnswerCache.Key key = key(question, facts.map(DocumentFacts.Facts::normalised).orElse(query), role,
                mediaType); // before the answer: a later write changes it
        String etag = key.etag();
        if (request.headers().header(HttpHeaders.IF_NONE_MATCH).stream().anyMatch(value -> matches(value, etag))) {
            return ServerResponse.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cacheControl(role, true))
                    .varyBy(HttpHeaders.AUTHORIZATION, HttpHeaders.ACCEPT).build();
        }
        boolean statistics = answers != null && facts.map(DocumentFacts.Facts::statisticsOnly).orElse(false);
        AnswerCache.Answer answer = answer(request, question, mediaType, statistics ? key : null);
        return ServerResponse.status(answer.status()).contentType(mediaType).eTag(etag)
                .cacheControl(cacheControl(role, answer.errorFree()))
                .varyBy(HttpHeaders.AUTHORIZATION, HttpHeaders.ACCEPT).body(answer.body());
    }

    /**
     * {@code POST /graphql}: a statistics-only query from the answer cache (computed and kept on a miss), with the
     * media type spring-graphql's handler would choose; everything else to that handler, with the body as it came.
     */
    ServerResponse post(ServerRequest request) throws ServletException, IOException {
        byte[] body = request.servletRequest().getInputStream().readAllBytes();
        Cacheable cacheable = answers == null ? null : cacheable(request, body);
        if (cacheable == null) {
            return postHandler.handleRequest(ServerRequest.from(request).body(body).build());
        }
        AnswerCache.Key key = key(cacheable.question(), cacheable.facts().normalised(), Actors.role(),
                cacheable.mediaType());
        AnswerCache.Answer answer = answer(request, cacheable.question(), cacheable.mediaType(), key);
        return ServerResponse.status(answer.status()).contentType(cacheable.mediaType()).body(answer.body());
    }

    /** {@code POST /graphql/schema}: introspection queries only (the schema URL is not rate limited). */
    @SuppressWarnings("unchecked")
    ServerResponse introspection(ServerRequest request) {
        Map<String, Object> body;
        try {
            body = json.readValue(request.servletRequest().getInputStream(), Map.class);
        } catch (IOException | JacksonException e) {
            body = null;
        }
        Object query = body == null ? null : body.get("query");
        String operationName = body != null && body.get("operationName") instanceof String n ? n : null;
        Optional<DocumentFacts.Facts> facts = query instanceof String q ? documents.of(q, operationName)
                : Optional.empty();
        if (facts.isEmpty() || !facts.get().introspectionOnly()) {
            return error(HttpStatus.BAD_REQUEST, "/graphql/schema answers introspection queries only "
                    + "(__schema, __type); send other queries to /graphql.");
        }
        Map<String, Object> variables = body.get("variables") instanceof Map<?, ?> v ? (Map<String, Object>) v
                : Map.of();
        MediaType mediaType = responseType(request);
        AnswerCache.Answer answer = execute(request, new Question((String) query, operationName, variables,
                Map.of()), mediaType);
        return ServerResponse.status(answer.status()).contentType(mediaType).body(answer.body());
    }

    private AnswerCache.Key key(Question question, String document, Role role, MediaType mediaType) {
        return new AnswerCache.Key(document, question.operationName(),
                AnswerCache.canonical(question.variables(), json), AnswerCache.canonical(question.extensions(), json),
                role, mediaType.toString(), version.current());
    }

    /** The kept answer under {@code key}, else the answer computed now (and kept if error-free); no key, no cache. */
    private AnswerCache.Answer answer(ServerRequest request, Question question, MediaType mediaType,
            AnswerCache.Key key) {
        AnswerCache.Answer answer = key == null ? null : answers.get(key);
        if (answer == null) {
            answer = execute(request, question, mediaType);
            if (key != null && answer.errorFree()) {
                answers.put(key, answer);
            }
        }
        return answer;
    }

    /** The POST body as a statistics-only question, or null (then spring-graphql's handler answers it). */
    @SuppressWarnings("unchecked")
    private Cacheable cacheable(ServerRequest request, byte[] body) {
        Map<String, Object> fields;
        MediaType mediaType = MediaType.APPLICATION_JSON;
        try {
            fields = json.readValue(body, Map.class);
            for (MediaType accepted : request.headers().accept()) {
                if (POST_TYPES.contains(accepted)) {
                    mediaType = accepted;
                    break;
                }
            }
        } catch (JacksonException | InvalidMediaTypeException e) {
            return null; // spring-graphql's handler answers with its error
        }
        if (fields == null || !(fields.get("query") instanceof String query) || query.isBlank()
                || !(fields.get("operationName") == null || fields.get("operationName") instanceof String)
                || !(fields.get("variables") == null || fields.get("variables") instanceof Map)
                || !(fields.get("extensions") == null || fields.get("extensions") instanceof Map)) {
            return null;
        }
        String operationName = (String) fields.get("operationName");
        Optional<DocumentFacts.Facts> facts = documents.of(query, operationName);
        if (facts.isEmpty() || !facts.get().statisticsOnly()) {
            return null;
        }
        Map<String, Object> variables = fields.get("variables") instanceof Map<?, ?> v ? (Map<String, Object>) v
                : Map.of();
        Map<String, Object> extensions = fields.get("extensions") instanceof Map<?, ?> x ? (Map<String, Object>) x
                : Map.of();
        return new Cacheable(new Question(query, operationName, variables, extensions), facts.get(), mediaType);
    }

    private AnswerCache.Answer execute(ServerRequest request, Question question, MediaType mediaType) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", question.query());
        body.put("operationName", question.operationName());
        body.put("variables", question.variables());
        body.put("extensions", question.extensions());
        WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
                new LinkedMultiValueMap<>(), request.remoteAddress().orElse((InetSocketAddress) null),
                request.attributes(), body, ids.generateId().toString(), LocaleContextHolder.getLocale());
        WebGraphQlResponse response = graphQl.handleRequest(graphQlRequest).block();
        Map<String, Object> result = response.toMap();
        // as the POST handler: with application/graphql-response+json, a request that did not run is a 4xx
        HttpStatus status = GRAPHQL_RESPONSE.equals(mediaType) && !result.containsKey("data")
                ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
        return new AnswerCache.Answer(json.writeValueAsBytes(result), status.value(), response.getErrors().isEmpty());
    }

    private CacheControl cacheControl(Role role, boolean errorFree) {
        if (role != Role.ANONYMOUS) {
            return CacheControl.noStore().cachePrivate();
        }
        return errorFree ? anonymous : CacheControl.noStore();
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag) || tag.equals("*")) {
                return true;
            }
        }
        return false;
    }

    private static MediaType responseType(ServerRequest request) {
        for (MediaType type : request.headers().accept()) {
            if (type.isCompatibleWith(GRAPHQL_RESPONSE) && !type.isWildcardType()) {
                return GRAPHQL_RESPONSE;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return JSON_UTF8;
            }
        }
        return JSON_UTF8;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> jsonObject(ServerRequest request, String name) {
        Optional<String> text = request.param(name).filter(t -> !t.isBlank());
        if (text.isEmpty()) {
            return Map.of();
        }
        try {
            Object value = json.readValue(text.get(), Object.class);
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (JacksonException e) {
            // below
        }
        throw new IllegalArgumentException("The '" + name + "' parameter must be a JSON object, e.g. "
                + name + "={\"year\":2012} (URL-encoded).");
    }

    private static ServerResponse error(HttpStatus status, String message) {
        return ServerResponse.status(status).contentType(JSON_UTF8).body(ErrorBodies.graphQl("BAD_REQUEST", message));
    }
}
