package dk.cmm.stats.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.bind.annotation.ControllerAdvice;

import dk.cmm.stats.disclosure.DisclosureLimitException;
import dk.cmm.stats.security.FieldAccessDeniedException;
import dk.cmm.stats.stats.InvalidQueryException;
import dk.cmm.stats.validation.RecordNotFoundException;
import dk.cmm.stats.validation.ValidationException;
import dk.cmm.stats.validation.Violation;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

/**
 * The one home of GraphQL errors: every exception of ours a field can end in, mapped to its classification, with
 * the argument at fault in {@code extensions.argument} (the one key every error of this API uses for that), e.g.
 * <pre>{"message": "ageMin (40) is greater than ageMax (20)",
 *  "extensions": {"classification": "BAD_REQUEST", "argument": "filter.ageMin"}}</pre>
 * <ul>
 * <li>a query that cannot be answered as asked ({@link InvalidQueryException}): BAD_REQUEST;</li>
 * <li>a refused change ({@link ValidationException}): one BAD_REQUEST error per problem, with the argument path and
 * the value, so that a form can show each message next to its field (the messages are the importer's,
 * {@code field 'x': value 'y' is not …}); a change to a record that does not exist: NOT_FOUND;</li>
 * <li>a field refused by the field guard ({@link FieldAccessDeniedException}): UNAUTHORIZED without a token,
 * FORBIDDEN with one, with the reason (spring-graphql's own security resolver, which runs after this advice's,
 * would say only "Unauthorized");</li>
 * <li>a question disclosure control does not answer without a token ({@link DisclosureLimitException}):
 * FORBIDDEN.</li>
 * </ul>
 * Anything unexpected is answered by {@link UnexpectedErrorResolver}, which runs after every
 * {@code @GraphQlExceptionHandler}, so that no handler here is shadowed by a catch-all. Two interceptors touch only
 * the errors graphql-java itself reports: {@link ErrorMessages} (its validation messages) and
 * {@link ConsequentialErrorFilter} (a "null in a non-null field" beneath a field that failed already).
 */
@ControllerAdvice
class GraphQlErrors {

    @GraphQlExceptionHandler
    GraphQLError invalidQuery(InvalidQueryException ex, DataFetchingEnvironment env) {
        return error(env, ErrorType.BAD_REQUEST, ex.getMessage(), Map.of("argument", ex.argument()));
    }

    @GraphQlExceptionHandler
    List<GraphQLError> refused(ValidationException refused, DataFetchingEnvironment env) {
        return refused.violations().stream().map(violation -> error(env, ErrorType.BAD_REQUEST,
                violation.message(), violation)).toList();
    }

    @GraphQlExceptionHandler
    GraphQLError notFound(RecordNotFoundException missing, DataFetchingEnvironment env) {
        return error(env, ErrorType.NOT_FOUND, missing.getMessage(),
                new Violation(missing.field(), missing.value(), "is not found"));
    }

    @GraphQlExceptionHandler
    GraphQLError fieldRefused(FieldAccessDeniedException denied, DataFetchingEnvironment env) {
        return error(env, denied.unauthenticated() ? ErrorType.UNAUTHORIZED : ErrorType.FORBIDDEN,
                denied.getMessage(), Map.of());
    }

    @GraphQlExceptionHandler
    GraphQLError disclosureLimit(DisclosureLimitException limit, DataFetchingEnvironment env) {
        return error(env, ErrorType.FORBIDDEN, limit.getMessage(), Map.of("argument", limit.field()));
    }

    /**
     * The violation's field as a path into the mutation's arguments, as every error of the API names the argument at
     * fault: {@code caseRef} where it is an argument itself, else under the input argument ({@code input.gender},
     * {@code changes.nationality}, {@code input.contacts[2].nationality}).
     */
    static String argumentPath(DataFetchingEnvironment env, String field) {
        if (field == null || env.getArguments().containsKey(field)) {
            return field;
        }
        return env.getArguments().entrySet().stream().filter(a -> a.getValue() instanceof Map<?, ?>)
                .map(a -> a.getKey() + "." + field).findFirst().orElse(field);
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String message,
            Violation violation) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("argument", argumentPath(env, violation.field()));
        extensions.put("value", violation.value());
        return error(env, type, message, extensions);
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String message,
            Map<String, Object> extensions) {
        GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError(env).errorType(type).message(message);
        return (extensions.isEmpty() ? error : error.extensions(extensions)).build();
    }
}
