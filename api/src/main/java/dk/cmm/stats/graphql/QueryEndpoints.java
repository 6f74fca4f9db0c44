package dk.cmm.stats.graphql;

import dk.cmm.stats.system.ErrorBodies;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.graphql.server.webmvc.GraphQlRequestPredicates;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.AlternativeJdkIdGenerator;
import org.springframework.util.IdGenerator;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import dk.cmm.stats.disclosure.ReleaseBuilder;
import dk.cmm.stats.disclosure.Releases;
import dk.cmm.stats.hotline.HotlineCall;
import dk.cmm.stats.outreach.OutreachActivity;
import dk.cmm.stats.outreach.Programme;
import dk.cmm.stats.person.Person;
import dk.cmm.stats.security.Actors;
import dk.cmm.stats.security.Role;
import dk.cmm.stats.storage.DataVersion;
import dk.cmm.stats.yearnote.YearNote;
import graphql.language.OperationDefinition;
import jakarta.servlet.ServletException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /graphql?query=...&variables=...&operationName=...}, as the GraphQL-over-HTTP spec describes (urql's
 * default client sends queries so), with HTTP caching, and the answer cache for POST as well:
 * <ul>
 * <li>Queries only: a mutation over GET is refused with 405, {@code Allow: POST} and a JSON error.</li>
 * <li>{@code ETag}: a hash of the answer's version ({@link AnswerVersion}: the data, the published releases), the
 * normalised document, operation name, variables and extensions, the caller's role and the answer's media type. A
 * matching {@code If-None-Match} gets {@code 304} without running the query. Any write or publication changes the
 * version, and so every ETag.</li>
 * <li>{@code Cache-Control}: an error-free answer to a caller without a token is {@code public} for
 * {@code cmm.graphql.http-cache.max-age} (default 60 s), so a CDN before a public dashboard serves repeated
 * questions; an answer to a token holder is {@code private, no-store}, and an answer with errors is
 * {@code no-store}.</li>
 * <li>Statistics-only answers are kept serialised ({@link AnswerCache}) under the same key, so a repeated question
 * costs a version read and a hash lookup; the version in the key makes every write visible at once. Off with
 * {@code cmm.graphql.answer-cache.enabled=false}, whose default is {@code cmm.stats.cache.enabled} (so turning
 * the result cache off turns off both, as the bench's uncached instance does).</li>
 * <li>{@code POST /graphql} (the route spring-graphql's handler answers, same request predicate): a statistics-only
 * query is answered from the same cache (no ETag or Cache-Control: POST answers are not kept by HTTP caches); any
 * other request, and any body this class does not understand, goes to spring-graphql's own handler unchanged.</li>
 * </ul>
 * The query runs through the same {@link WebGraphQlHandler} as spring-graphql's POST handler: the same interceptors,
 * field guard, disclosure control and limits, and the same status rule.
 * <p>
 * Also {@code POST /graphql/schema} with an introspection query ({@code __schema}, {@code __type} only), so that
 * codegen tools pointed at the schema URL (which prints the SDL on GET) get their answer; anything else there is a
 * BAD_REQUEST pointing at /graphql (the schema URL is not rate limited, so it must not answer data).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class QueryEndpoints {

    static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");
    private static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);
    /** What spring-graphql's POST handler answers in, in this order of preference (anything else: JSON). */
    private static final List<MediaType> POST_TYPES = List.of(GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON,
            new MediaType("application", "graphql+json"));

    /** The collections statistics answers are computed from (and the data version's own). */
    static final List<String> SOURCES = List.of(Person.COLLECTION, OutreachActivity.COLLECTION,
            HotlineCall.COLLECTION, Programme.COLLECTION, YearNote.COLLECTION, DataVersion.COLLECTION);

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> graphQlGetRoute(WebGraphQlHandler graphQl, GraphQlHttpHandler postHandler,
            DataVersion dataVersion, Releases releases, JsonMapper json,
            @Value("${spring.graphql.http.path:/graphql}") String path,
            @Value("${cmm.graphql.http-cache.max-age:60s}") Duration maxAge,
            @Value("${cmm.graphql.answer-cache.max-bytes:67108864}") long maxBytes,
            @Value("${cmm.graphql.answer-cache.enabled:${cmm.stats.cache.enabled:true}}") boolean cacheAnswers) {
        Handler handler = new Handler(graphQl, postHandler, new AnswerVersion(dataVersion.of(SOURCES), releases),
                json, new DocumentFacts(), cacheAnswers ? new AnswerCache(maxBytes) : null,
                CacheControl.maxAge(maxAge).cachePublic());
        // HEAD answers as GET (headers, ETag, no body: the servlet container drops it)
        return RouterFunctions.route().GET("/graphql", handler::handle).HEAD("/graphql", handler::handle)
                .route(GraphQlRequestPredicates.graphQlHttp(path), handler::post)
                .POST("/graphql/schema", handler::introspection).build();
    }

    /**
     * The version a cached answer is keyed by, read before the answer is computed: the data's (the embedded
     * server's count of writes to {@link #SOURCES} when this process runs it, which costs nothing, else
     * {@link DataVersion#current()}, one {@code _id} read) and the published releases' (callers without a token are
     * answered from them). {@link Releases} keeps the releases it read until their number changes (or this instance
     * publishes); each time it reads them anew it hands out new maps, so a new map is a new generation here, and an
     * answer is keyed by exactly the releases it was answered from. A random part per process: the write count and
     * the generation start again at a restart, and an ETag of before must not match the data of after.
     */
    static final class AnswerVersion {

        private final String epoch = Long.toHexString(new java.security.SecureRandom().nextLong());
        private final LongSupplier data;
        private final Releases releases;
        private final AtomicReference<Seen> seen = new AtomicReference<>(new Seen(null, null, 0));

        private record Seen(Object persons, Object hotline, long generation) {
        }

        AnswerVersion(LongSupplier data, Releases releases) {
            this.data = data;
            this.releases = releases;
        }

        String current() {
            long version = data.getAsLong();
            Object persons = releases.latest(ReleaseBuilder.PERSONS);
            Object hotline = releases.latest(ReleaseBuilder.HOTLINE);
            Seen s = seen.get();
            while (s.persons() != persons || s.hotline() != hotline) { // identity: a map read anew
                Seen next = new Seen(persons, hotline, s.generation() + 1);
                if (seen.compareAndSet(s, next)) {
                    s = next;
                } else {
                    s = seen.get();
                }
            }
            return epoch + "." + version + "." + s.generation();
        }
    }

    static final class Handler {

        private final WebGraphQlHandler graphQl;
        private final GraphQlHttpHandler postHandler;
        private final AnswerVersion version;
        private final JsonMapper json;
        private final DocumentFacts documents;
        /** Null when answers are not kept ({@code cmm.graphql.answer-cache.enabled=false}). */
        private final AnswerCache answers;
        private final CacheControl anonymous;
        private final IdGenerator ids = new AlternativeJdkIdGenerator();

        Handler(WebGraphQlHandler graphQl, GraphQlHttpHandler postHandler, AnswerVersion version, JsonMapper json,
                DocumentFacts documents, AnswerCache answers, CacheControl anonymous) {
            this.graphQl = graphQl;
            this.postHandler = postHandler;
            this.version = version;
            this.json = json;
            this.documents = documents;
            this.answers = answers;
            this.anonymous = anonymous;
        }

        ServerResponse handle(ServerRequest request) {
            String query = request.param("query").filter(q -> !q.isBlank()).orElse(null);
            if (query == null) {
                return error(HttpStatus.BAD_REQUEST, "GET /graphql needs a 'query' parameter (the GraphQL document, "
                        + "URL-encoded); send mutations with POST.");
            }
            String operationName = request.param("operationName").filter(n -> !n.isBlank()).orElse(null);
            Map<String, Object> variables;
            Map<String, Object> extensions;
            try {
                variables = jsonObject(request, "variables");
                extensions = jsonObject(request, "extensions");
            } catch (IllegalArgumentException e) {
                return error(HttpStatus.BAD_REQUEST, e.getMessage());
            }
            Optional<DocumentFacts.Facts> facts = documents.of(query, operationName);
            if (facts.isPresent() && facts.get().operation() != OperationDefinition.Operation.QUERY) {
                return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "POST")
                        .contentType(JSON_UTF8).body(errorBody("Only queries can be sent with GET; send a "
                                + facts.get().operation().name().toLowerCase(java.util.Locale.ROOT)
                                + " with POST."));
            }
            MediaType mediaType = responseType(request);
            Role role = Actors.role();
            AnswerCache.Key key = new AnswerCache.Key(
                    facts.map(DocumentFacts.Facts::normalised).orElse(query), operationName,
                    AnswerCache.canonical(variables, json), AnswerCache.canonical(extensions, json), role,
                    mediaType.toString(), version.current()); // before the answer: a later write changes it
            String etag = key.etag();
            boolean statistics = answers != null && facts.map(DocumentFacts.Facts::statisticsOnly).orElse(false);
            if (request.headers().header(HttpHeaders.IF_NONE_MATCH).stream()
                    .anyMatch(value -> matches(value, etag))) {
                return ServerResponse.status(HttpStatus.NOT_MODIFIED).eTag(etag)
                        .cacheControl(cacheControl(role, true)).varyBy(HttpHeaders.AUTHORIZATION, HttpHeaders.ACCEPT)
                        .build();
            }
            AnswerCache.Answer answer = statistics ? answers.get(key) : null;
            if (answer == null) {
                answer = execute(request, query, operationName, variables, extensions, mediaType);
                if (statistics && answer.errorFree()) {
                    answers.put(key, answer);
                }
            }
            return ServerResponse.status(answer.status()).contentType(mediaType).eTag(etag)
                    .cacheControl(cacheControl(role, answer.errorFree()))
                    .varyBy(HttpHeaders.AUTHORIZATION, HttpHeaders.ACCEPT).body(answer.body());
        }

        /**
         * {@code POST /graphql}: a statistics-only query from the answer cache (computed and kept on a miss), with
         * the media type spring-graphql's handler would choose; everything else to that handler, with the body as
         * it came.
         */
        ServerResponse post(ServerRequest request) throws ServletException, java.io.IOException {
            byte[] body = request.servletRequest().getInputStream().readAllBytes();
            Cacheable question = answers == null ? null : cacheable(request, body);
            if (question == null) {
                return postHandler.handleRequest(ServerRequest.from(request).body(body).build());
            }
            Role role = Actors.role();
            AnswerCache.Key key = new AnswerCache.Key(question.facts().normalised(), question.operationName(),
                    AnswerCache.canonical(question.variables(), json), AnswerCache.canonical(question.extensions(),
                            json), role, question.mediaType().toString(), version.current());
            AnswerCache.Answer answer = answers.get(key);
            if (answer == null) {
                answer = execute(request, question.query(), question.operationName(), question.variables(),
                        question.extensions(), question.mediaType());
                if (answer.errorFree()) {
                    answers.put(key, answer);
                }
            }
            return ServerResponse.status(answer.status()).contentType(question.mediaType()).body(answer.body());
        }

        private record Cacheable(String query, String operationName, Map<String, Object> variables,
                Map<String, Object> extensions, DocumentFacts.Facts facts, MediaType mediaType) {
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
            } catch (JacksonException | org.springframework.http.InvalidMediaTypeException e) {
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
            Map<String, Object> extensions = fields.get("extensions") instanceof Map<?, ?> x
                    ? (Map<String, Object>) x : Map.of();
            return new Cacheable(query, operationName, variables, extensions, facts.get(), mediaType);
        }

        @SuppressWarnings("unchecked")
        ServerResponse introspection(ServerRequest request) {
            Map<String, Object> body;
            try {
                body = json.readValue(request.servletRequest().getInputStream(), Map.class);
            } catch (java.io.IOException | JacksonException e) {
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
            Map<String, Object> variables = body.get("variables") instanceof Map<?, ?> v
                    ? (Map<String, Object>) v : Map.of();
            AnswerCache.Answer answer = execute(request, (String) query, operationName, variables, Map.of(),
                    responseType(request));
            return ServerResponse.status(answer.status()).contentType(responseType(request)).body(answer.body());
        }

        private AnswerCache.Answer execute(ServerRequest request, String query, String operationName,
                Map<String, Object> variables, Map<String, Object> extensions, MediaType mediaType) {
            Map<String, Object> body = new java.util.HashMap<>();
            body.put("query", query);
            body.put("operationName", operationName);
            body.put("variables", variables);
            body.put("extensions", extensions);
            WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
                    new LinkedMultiValueMap<>(), request.remoteAddress().orElse((InetSocketAddress) null),
                    request.attributes(), body, ids.generateId().toString(), LocaleContextHolder.getLocale());
            WebGraphQlResponse response = graphQl.handleRequest(graphQlRequest).block();
            Map<String, Object> result = response.toMap();
            // as the POST handler: with application/graphql-response+json, a request that did not run is a 4xx
            HttpStatus status = GRAPHQL_RESPONSE.equals(mediaType) && !result.containsKey("data")
                    ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
            return new AnswerCache.Answer(json.writeValueAsBytes(result), status.value(),
                    response.getErrors().isEmpty());
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
            List<MediaType> accepted = request.headers().accept();
            for (MediaType type : accepted) {
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

        private ServerResponse error(HttpStatus status, String message) {
            return ServerResponse.status(status).contentType(JSON_UTF8).body(errorBody(message));
        }

        private static byte[] errorBody(String message) {
            return ErrorBodies.graphQl("BAD_REQUEST", message);
        }
    }
}
