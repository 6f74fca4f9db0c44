package dk.cmm.stats.security;

import java.util.List;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;

import dk.cmm.stats.disclosure.DisclosureLimitException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

/**
 * The GraphQL side of access control: the field guard and the error of a refused anonymous question. (The depth and
 * complexity limits are graphql.GraphQlConfiguration's.)
 */
@Configuration
class GraphQlSecurityConfiguration {

    @Bean
    GraphQlSourceBuilderCustomizer fieldGuard(AuditLog audit) {
        return builder -> builder.typeVisitors(List.of(new GraphQlGuard(audit)));
    }

    /**
     * Refusals with their reason: a field refused by {@link GraphQlGuard} (UNAUTHORIZED without a token, FORBIDDEN
     * with one; ahead of spring-graphql's own security resolver, which would say only "Unauthorized"), and a question
     * disclosure control does not answer for anonymous callers (FORBIDDEN).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    DataFetcherExceptionResolverAdapter refusalErrors() {
        return new DataFetcherExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
                if (ex instanceof FieldAccessDeniedException denied) {
                    return GraphqlErrorBuilder.newError(env)
                            .errorType(denied.unauthenticated() ? ErrorType.UNAUTHORIZED : ErrorType.FORBIDDEN)
                            .message(denied.getMessage()).build();
                }
                if (ex instanceof DisclosureLimitException limit) {
                    return GraphqlErrorBuilder.newError(env).errorType(ErrorType.FORBIDDEN)
                            .message(limit.getMessage()).extensions(java.util.Map.of("argument", limit.field()))
                            .build();
                }
                return null;
            }
        };
    }
}
