package dk.cmm.stats.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.validation.ValidationError;
import reactor.core.publisher.Mono;

/**
 * graphql-java's validation messages quote argument values as its syntax tree prints them
 * ({@code 'ArrayValue{values=[EnumValue{name='SLAVERY'}]}'}); this rewrites them as the client wrote them
 * ({@code [SLAVERY]}), and names the argument at fault in {@code extensions.argument}, the one key every error of
 * this API uses for that (BAD_REQUEST from our own checks, disclosure control's refusals, refused changes).
 */
@Component
class ErrorMessages implements WebGraphQlInterceptor {

    /** Text without a printed syntax-tree node in it, as short as possible. */
    private static final String PLAIN = "((?:(?!Value\\{|ObjectField\\{).)*?)";

    private static final List<Map.Entry<Pattern, String>> VALUES = List.of(
            Map.entry(Pattern.compile("EnumValue\\{name='([^']*)'\\}"), "$1"),
            Map.entry(Pattern.compile("StringValue\\{value='([^']*)'\\}"), "\"$1\""),
            Map.entry(Pattern.compile("(?:Int|Float|Boolean)Value\\{value=([^{}]*?)\\}"), "$1"),
            Map.entry(Pattern.compile("NullValue\\{\\}"), "null"),
            Map.entry(Pattern.compile("VariableReference\\{name='([^']*)'\\}"), "\\$$1"),
            // composites once their parts are plain: the content holds no printed node any more
            Map.entry(Pattern.compile("ObjectField\\{name='([^']*)', value=" + PLAIN + "\\}(?=[,\\]])"),
                    "$1: $2"),
            Map.entry(Pattern.compile("ObjectValue\\{objectFields=\\[" + PLAIN + "\\]\\}"), "{$1}"),
            Map.entry(Pattern.compile("ArrayValue\\{values=\\[" + PLAIN + "\\]\\}"), "[$1]"));
    private static final Pattern ARGUMENT = Pattern.compile("argument '([A-Za-z0-9_.\\[\\]]+)'");

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            List<GraphQLError> errors = response.getErrors().isEmpty() ? List.of()
                    : response.getExecutionResult().getErrors();
            if (errors.stream().noneMatch(ErrorMessages::needsRewrite)) {
                return response;
            }
            List<GraphQLError> rewritten = errors.stream().map(e -> needsRewrite(e) ? rewrite(e) : e).toList();
            return response.transform(builder -> builder.errors(rewritten));
        });
    }

    private static boolean needsRewrite(GraphQLError error) {
        return error instanceof ValidationError || (error.getMessage() != null
                && error.getMessage().matches("(?s).*(?:Enum|String|Array|Object|Int)Value\\{.*"));
    }

    private static GraphQLError rewrite(GraphQLError error) {
        String message = readable(error.getMessage());
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        Matcher argument = ARGUMENT.matcher(message);
        if (!extensions.containsKey("argument") && argument.find()) {
            extensions.put("argument", argument.group(1));
        }
        ErrorClassification type = error.getErrorType();
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError().message(message).errorType(type)
                .locations(error.getLocations()).extensions(extensions);
        if (error.getPath() != null) {
            builder.path(error.getPath());
        }
        return builder.build();
    }

    /** The message with every printed syntax-tree value replaced by the value as GraphQL writes it. */
    static String readable(String message) {
        String text = message;
        for (int round = 0; round < 50; round++) {
            String before = text;
            for (Map.Entry<Pattern, String> value : VALUES) {
                text = value.getKey().matcher(text).replaceAll(value.getValue());
            }
            if (text.equals(before)) {
                break;
            }
        }
        return text;
    }
}
