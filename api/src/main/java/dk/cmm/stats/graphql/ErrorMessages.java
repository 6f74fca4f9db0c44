package dk.cmm.stats.graphql;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import reactor.core.publisher.Mono;

/**
 * graphql-java's validation messages quote argument values as its syntax tree prints them
 * ({@code 'ArrayValue{values=[EnumValue{name='SLAVERY'}]}'}); this rewrites them as the client wrote them
 * ({@code [SLAVERY]}), and names the argument at fault in {@code extensions.argument}, the one key every error of
 * this API uses for that (BAD_REQUEST from our own checks, disclosure control's refusals, refused changes).
 * A misspelt field or enum value gets "Did you mean ...?" with the schema's nearest names, which graphql-java does
 * not give.
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
    private static final Pattern UNDEFINED_FIELD = Pattern.compile("Field '(\\w+)' in type '(\\w+)' is undefined");
    private static final Pattern UNKNOWN_ENUM_VALUE = Pattern.compile(
            "not in allowable values for enum '(\\w+)' - '(\\w+)'");

    private final ObjectProvider<GraphQlSource> source;

    ErrorMessages(ObjectProvider<GraphQlSource> source) {
        this.source = source;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            List<GraphQLError> errors = response.getErrors().isEmpty() ? List.of()
                    : response.getExecutionResult().getErrors();
            if (errors.stream().noneMatch(ErrorMessages::needsRewrite)) {
                return response;
            }
            List<GraphQLError> rewritten = errors.stream().map(e -> needsRewrite(e) ? rewrite(e, schema()) : e)
                    .toList();
            return response.transform(builder -> builder.errors(rewritten));
        });
    }

    private static boolean needsRewrite(GraphQLError error) {
        return error instanceof ValidationError || (error.getMessage() != null
                && error.getMessage().matches("(?s).*(?:Enum|String|Array|Object|Int)Value\\{.*"));
    }

    private GraphQLSchema schema() {
        GraphQlSource graphQl = source.getIfAvailable();
        return graphQl == null ? null : graphQl.schema();
    }

    private static GraphQLError rewrite(GraphQLError error, GraphQLSchema schema) {
        String message = withSuggestion(readable(error.getMessage()), schema);
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

    /**
     * The message with "Did you mean ...?" where it names a field a type does not have, or a value an enum does not
     * have, and the schema has names close to it.
     */
    static String withSuggestion(String message, GraphQLSchema schema) {
        if (schema == null) {
            return message;
        }
        Matcher field = UNDEFINED_FIELD.matcher(message);
        if (field.find() && schema.getType(field.group(2)) instanceof GraphQLFieldsContainer type) {
            return message + didYouMean(field.group(1),
                    type.getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName).toList());
        }
        Matcher value = UNKNOWN_ENUM_VALUE.matcher(message);
        if (value.find() && schema.getType(value.group(1)) instanceof GraphQLEnumType type) {
            return message + didYouMean(value.group(2),
                    type.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList());
        }
        return message;
    }

    /** ". Did you mean 'a' or 'b'?" for the nearest names (at most three), or nothing when none is near. */
    static String didYouMean(String wrong, Collection<String> names) {
        int limit = Math.max(1, wrong.length() / 3);
        List<String> near = names.stream().filter(n -> !n.startsWith("__"))
                .filter(n -> distance(wrong, n) <= limit || n.toLowerCase(Locale.ROOT).equals(wrong.toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparingInt((String n) -> distance(wrong, n)).thenComparing(n -> n))
                .limit(3).toList();
        if (near.isEmpty()) {
            return "";
        }
        List<String> quoted = near.stream().map(n -> "'" + n + "'").toList();
        String list = quoted.size() == 1 ? quoted.get(0)
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
        return ". Did you mean " + list + "?";
    }

    /** Edit distance ignoring case, a swap of two neighbouring letters counted as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int[][] d = new int[x.length() + 1][y.length() + 1];
        for (int i = 0; i <= x.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= y.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && x.charAt(i - 1) == y.charAt(j - 2) && x.charAt(i - 2) == y.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[x.length()][y.length()];
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
