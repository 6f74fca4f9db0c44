package dk.cmm.stats.graphql;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;

import dk.cmm.stats.storage.StorageErrors;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

/**
 * The last word on any exception no handler took. A store that cannot serve (unreachable, timed out, or the embedded
 * store failed on a full disk) is {@code UNAVAILABLE} with the reason in words, as the HTTP 503 of
 * {@code system.StorageUnavailableFilter} says it: try again later, not a fault of ours. Anything else is an
 * {@code INTERNAL_ERROR} with a vague message and a reference to find the exception in the server log. Never the
 * exception's text or stack trace, which could reveal records or internals; and an exception of the database is
 * logged by its classes only, since its message can quote a record. Registered after all other resolvers by
 * {@link GraphQlConfiguration}.
 */
class UnexpectedErrorResolver extends DataFetcherExceptionResolverAdapter {

    /** The classification of an error that goes away when the store is back. */
    static final ErrorClassification UNAVAILABLE = ErrorClassification.errorClassification("UNAVAILABLE");

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        Optional<String> unavailable = StorageErrors.unavailable(ex);
        if (unavailable.isPresent()) {
            log.warn("Storage unavailable answering {}: {}", env.getExecutionStepInfo().getPath(), unavailable.get());
            return GraphqlErrorBuilder.newError(env).errorType(UNAVAILABLE)
                    .message("storage unavailable: " + unavailable.get()).build();
        }
        if (StorageErrors.fromDatabase(ex)) {
            log.error("Unexpected database error answering {} (reference {}): {}",
                    env.getExecutionStepInfo().getPath(), env.getExecutionId(), StorageErrors.classes(ex));
        } else {
            log.error("Unexpected error answering {} (reference {})", env.getExecutionStepInfo().getPath(),
                    env.getExecutionId(), ex);
        }
        return GraphqlErrorBuilder.newError(env)
                .errorType(ErrorType.INTERNAL_ERROR)
                .message("Internal error: this field could not be answered. Reference: " + env.getExecutionId())
                .build();
    }
}
