package dk.cmm.stats.graphql;

import java.util.Map;

import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.bind.annotation.ControllerAdvice;

import dk.cmm.stats.stats.InvalidQueryException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

/**
 * Queries that cannot be answered as asked become {@code BAD_REQUEST} errors naming the argument at fault, e.g.
 * <pre>{"message": "ageMin (40) is greater than ageMax (20)",
 *  "extensions": {"classification": "BAD_REQUEST", "argument": "filter.ageMin"}}</pre>
 * Anything unexpected is answered by {@link UnexpectedErrorResolver}, which runs after every
 * {@code @GraphQlExceptionHandler}, so that handlers for other exceptions (in this or any other advice) are never
 * shadowed by a catch-all.
 */
@ControllerAdvice
class QueryErrorHandler {

    @GraphQlExceptionHandler
    GraphQLError invalidQuery(InvalidQueryException ex, DataFetchingEnvironment env) {
        return GraphqlErrorBuilder.newError(env)
                .errorType(ErrorType.BAD_REQUEST)
                .message(ex.getMessage())
                .extensions(Map.of("argument", ex.argument()))
                .build();
    }
}
