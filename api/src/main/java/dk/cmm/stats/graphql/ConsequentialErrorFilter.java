package dk.cmm.stats.graphql;

import java.util.List;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import graphql.ErrorType;
import graphql.GraphQLError;
import reactor.core.publisher.Mono;

/**
 * Drops "null in a non-null field" errors reported beneath a field that failed already, so that a bad request
 * answers with its one clear error. graphql-java reports no such error for a failed field itself, but
 * spring-graphql answers a failed connection field ({@code persons}) with an empty connection, whose missing
 * {@code totalCount} would add a second, misleading error below the first.
 */
@Component
class ConsequentialErrorFilter implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            List<GraphQLError> kept = errors.stream().filter(error -> !isConsequence(error, errors)).toList();
            return kept.size() == errors.size() ? response : response.transform(builder -> builder.errors(kept));
        });
    }

    private static boolean isConsequence(GraphQLError error, List<GraphQLError> errors) {
        List<Object> path = error.getPath();
        return error.getErrorType() == ErrorType.NullValueInNonNullableField && path != null
                && errors.stream().map(GraphQLError::getPath).anyMatch(other -> other != null
                        && other.size() < path.size() && path.subList(0, other.size()).equals(other));
    }
}
