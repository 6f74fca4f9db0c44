package dk.cmm.stats.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.bind.annotation.ControllerAdvice;

import dk.cmm.stats.validation.RecordNotFoundException;
import dk.cmm.stats.validation.ValidationException;
import dk.cmm.stats.validation.Violation;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

/**
 * Refused changes as GraphQL errors: one BAD_REQUEST error per problem of a refused record, with the argument path
 * ({@code extensions.argument}, e.g. {@code input.gender}) and the value in {@code extensions}, so that a form can
 * show each message next to its field; a change to a record that
 * does not exist is NOT_FOUND. The messages are the importer's ({@code field 'x': value 'y' is not …}).
 */
@ControllerAdvice
public class ValidationErrorHandler {

    @GraphQlExceptionHandler
    List<GraphQLError> refused(ValidationException refused, DataFetchingEnvironment environment) {
        return refused.violations().stream().map(violation -> error(environment, ErrorType.BAD_REQUEST,
                violation.message(), violation)).toList();
    }

    @GraphQlExceptionHandler
    GraphQLError notFound(RecordNotFoundException missing, DataFetchingEnvironment environment) {
        return error(environment, ErrorType.NOT_FOUND, missing.getMessage(),
                new Violation(missing.field(), missing.value(), "is not found"));
    }

    /**
     * The violation's field as a path into the mutation's arguments, as every error of the API names the argument at
     * fault: {@code caseRef} where it is an argument itself, else under the input argument ({@code input.gender},
     * {@code changes.nationality}, {@code input.contacts[2].nationality}).
     */
    static String argumentPath(DataFetchingEnvironment environment, String field) {
        if (field == null || environment.getArguments().containsKey(field)) {
            return field;
        }
        return environment.getArguments().entrySet().stream().filter(a -> a.getValue() instanceof Map<?, ?>)
                .map(a -> a.getKey() + "." + field).findFirst().orElse(field);
    }

    private static GraphQLError error(DataFetchingEnvironment environment, ErrorType type, String message,
            Violation violation) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("argument", argumentPath(environment, violation.field()));
        extensions.put("value", violation.value());
        return GraphqlErrorBuilder.newError(environment).errorType(type).message(message).extensions(extensions)
                .build();
    }
}
