package dk.cmm.stats.security;

import java.util.List;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;

import dk.cmm.stats.disclosure.DisclosureLimitException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.schema.DataFetchingEnvironment;

/** The GraphQL side of access control: the field guard, the depth and complexity limits, and their errors. */
@Configuration
class GraphQlSecurityConfiguration {

    @Bean
    GraphQlSourceBuilderCustomizer fieldGuard(AuditLog audit, StatisticsFilter statistics) {
        return builder -> builder.typeVisitors(List.of(new GraphQlGuard(audit, statistics)));
    }

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(AccessProperties properties) {
        return new MaxQueryDepthInstrumentation(properties.maxQueryDepth());
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(AccessProperties properties) {
        return new MaxQueryComplexityInstrumentation(properties.maxQueryComplexity());
    }

    /** A question disclosure control does not answer for anonymous callers: FORBIDDEN, with the reason. */
    @Bean
    DataFetcherExceptionResolverAdapter disclosureLimitErrors() {
        return new DataFetcherExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
                if (ex instanceof DisclosureLimitException limit) {
                    return GraphqlErrorBuilder.newError(env).errorType(ErrorType.FORBIDDEN)
                            .message(limit.getMessage()).extensions(java.util.Map.of("field", limit.field()))
                            .build();
                }
                return null;
            }
        };
    }
}
