package dk.cmm.stats.security;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import org.springframework.security.access.AccessDeniedException;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import reactor.core.publisher.Mono;

/**
 * Wraps the data fetcher of every field that {@link FieldPolicy} governs: refuses callers below the field's role
 * (an {@link AccessDeniedException}, which spring-graphql reports as UNAUTHORIZED to anonymous callers and
 * FORBIDDEN to others) and writes the audit log: its entry before the field's work, completed after it. It runs inside
 * spring-graphql's context decorator, so the caller's security context is in place.
 */
final class GraphQlGuard extends GraphQLTypeVisitorStub {

    private final AuditLog audit;

    GraphQlGuard(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
            TraverserContext<GraphQLSchemaElement> context) {
        if (!(context.getParentNode() instanceof GraphQLFieldsContainer parent)) {
            return TraversalControl.CONTINUE;
        }
        GraphQLType type = GraphQLTypeUtil.unwrapNonNull(field.getType());
        boolean list = type instanceof GraphQLList;
        String resultType = ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType())).getName();
        FieldPolicy.Rule rule = FieldPolicy.rule(parent.getName(), field.getName(), resultType, list);
        if (rule != null) {
            GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
            FieldCoordinates coordinates = FieldCoordinates.coordinates(parent.getName(), field.getName());
            DataFetcher<?> original = registry.getDataFetcher(coordinates, field);
            registry.dataFetcher(coordinates, guarded(rule, original));
        }
        return TraversalControl.CONTINUE;
    }

    private DataFetcher<?> guarded(FieldPolicy.Rule rule, DataFetcher<?> original) {
        return env -> {
            Role role = Actors.role();
            if (!role.includes(rule.required())) {
                if (rule.auditAs() != null) {
                    audit.record(rule.auditAs(), List.of(), AuditLog.Outcome.DENIED);
                }
                throw new FieldAccessDeniedException(role == Role.ANONYMOUS
                        ? "This needs an API token (Authorization: Bearer ...) with the role "
                                + rule.required().name().toLowerCase(java.util.Locale.ROOT) + " or higher."
                        : "Your token's role (" + role.name().toLowerCase(java.util.Locale.ROOT)
                                + ") does not allow this; it needs "
                                + rule.required().name().toLowerCase(java.util.Locale.ROOT) + " or higher.",
                        role == Role.ANONYMOUS);
            }
            if (rule.auditAs() == null) {
                return original.get(env);
            }
            // the entry first (STARTED), then the work, then its outcome: a write is never kept without its entry.
            // When the entry cannot be written (the store failed), the write is not attempted at all; when the
            // outcome cannot be written after a kept write, the entry says STARTED with the record's reference.
            List<String> asked = refsOf(env.getArguments());
            org.bson.types.ObjectId entry = audit.start(rule.auditAs(), asked);
            Object result;
            try {
                result = original.get(env);
            } catch (Exception e) {
                audit.completeQuietly(entry, AuditLog.Outcome.FAILED, asked);
                throw e;
            }
            return map(result, value -> {
                List<String> refs = refsOf(value);
                audit.completeQuietly(entry, value == null ? AuditLog.Outcome.FAILED : AuditLog.Outcome.OK,
                        refs.isEmpty() ? asked : refs);
                return value;
            });
        };
    }

    /**
     * Applies the function to a result, whether it came directly, as a future, a Mono or a DataFetcherResult (to
     * null, for its side effect only, when the result is an error without data).
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Object map(Object result, java.util.function.UnaryOperator<Object> function) {
        if (result instanceof CompletionStage<?> stage) {
            return stage.thenApply(value -> map(value, function));
        }
        if (result instanceof Mono<?> mono) {
            return mono.map(value -> map(value, function));
        }
        if (result instanceof DataFetcherResult<?> dfr) {
            if (dfr.getData() == null) {
                function.apply(null);
                return dfr;
            }
            return ((DataFetcherResult) dfr).transform(b -> ((DataFetcherResult.Builder) b)
                    .data(function.apply(dfr.getData())));
        }
        return result == null ? null : function.apply(result);
    }

    private static final List<String> REF_NAMES = List.of("caseRef", "callId", "activityId", "id", "code");

    /**
     * The references of the records in a result (or in arguments): the natural key of each record found in it,
     * looked for through lists, windows, connections (edges/node) and maps. Never the record's other fields.
     */
    static List<String> refsOf(Object value) {
        List<String> refs = new ArrayList<>();
        collect(value, refs, 0);
        return refs;
    }

    private static void collect(Object value, List<String> refs, int depth) {
        if (value == null || depth > 6 || value instanceof CharSequence || value instanceof Number
                || value instanceof Boolean || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (String name : REF_NAMES) {
                Object ref = map.get(name);
                if (ref instanceof CharSequence || ref instanceof Number) {
                    refs.add(String.valueOf(ref));
                    return;
                }
            }
            map.values().forEach(v -> collect(v, refs, depth + 1));
            return;
        }
        if (value instanceof Iterable<?> items) {
            items.forEach(item -> collect(item, refs, depth + 1));
            return;
        }
        if (!value.getClass().isRecord()) {
            for (String getter : List.of("getEdges", "getNode", "getContent")) {
                try {
                    collect(invoke(value.getClass().getMethod(getter), value), refs, depth + 1);
                } catch (NoSuchMethodException e) {
                    // not a connection, edge or window
                }
            }
            return;
        }
        {
            RecordComponent[] components = value.getClass().getRecordComponents();
            for (String name : REF_NAMES) {
                for (RecordComponent component : components) {
                    if (component.getName().equals(name)) {
                        Object ref = invoke(component.getAccessor(), value);
                        if (ref != null) {
                            refs.add(String.valueOf(ref));
                            return;
                        }
                    }
                }
            }
            for (RecordComponent component : components) {
                if (List.of("edges", "node", "nodes", "content", "items", "records", "person", "persons")
                        .contains(component.getName())) {
                    collect(invoke(component.getAccessor(), value), refs, depth + 1);
                }
            }
        }
    }

    private static Object invoke(Method accessor, Object target) {
        try {
            accessor.setAccessible(true);
            return accessor.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

}
