package dk.cmm.stats.graphql;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

/**
 * The last word on any exception no handler took: an {@code INTERNAL_ERROR} with a vague message and a reference
 * to find the full exception in the server log. Never the exception's text or stack trace, which could reveal
 * records or internals. Registered after all other resolvers by {@link GraphQlConfiguration}.
 */
class UnexpectedErrorResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        log.error("Unexpected error answering {} (reference {})", env.getExecutionStepInfo().getPath(),
                env.getExecutionId(), ex);
        return GraphqlErrorBuilder.newError(env)
                .errorType(ErrorType.INTERNAL_ERROR)
                .message("Internal error: this field could not be answered. Reference: " + env.getExecutionId())
                .build();
    }
}
