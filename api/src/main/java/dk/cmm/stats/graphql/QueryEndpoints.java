package dk.cmm.stats.graphql;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.graphql.server.webmvc.GraphQlRequestPredicates;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import dk.cmm.stats.disclosure.Releases;
import dk.cmm.stats.storage.DataVersion;
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
 * {@link GraphQlQueryHandler} answers them, through the same {@code WebGraphQlHandler} as spring-graphql's POST
 * handler: the same interceptors, field guard, disclosure control and limits, and the same status rule.
 * <p>
 * Also {@code POST /graphql/schema} with an introspection query ({@code __schema}, {@code __type} only), so that
 * codegen tools pointed at the schema URL (which prints the SDL on GET) get their answer; anything else there is a
 * BAD_REQUEST pointing at /graphql (the schema URL is not rate limited, so it must not answer data).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class QueryEndpoints {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> graphQlGetRoute(WebGraphQlHandler graphQl, GraphQlHttpHandler postHandler,
            DataVersion dataVersion, Releases releases, JsonMapper json,
            @Value("${spring.graphql.http.path:/graphql}") String path,
            @Value("${cmm.graphql.http-cache.max-age:60s}") Duration maxAge,
            @Value("${cmm.graphql.answer-cache.max-bytes:67108864}") long maxBytes,
            @Value("${cmm.graphql.answer-cache.enabled:${cmm.stats.cache.enabled:true}}") boolean cacheAnswers) {
        GraphQlQueryHandler handler = new GraphQlQueryHandler(graphQl, postHandler,
                new AnswerVersion(dataVersion, releases), json, new DocumentFacts(),
                cacheAnswers ? new AnswerCache(maxBytes) : null, CacheControl.maxAge(maxAge).cachePublic());
        // HEAD answers as GET (headers, ETag, no body: the servlet container drops it)
        return RouterFunctions.route().GET("/graphql", handler::get).HEAD("/graphql", handler::get)
                .route(GraphQlRequestPredicates.graphQlHttp(path), handler::post)
                .POST("/graphql/schema", handler::introspection).build();
    }
}
