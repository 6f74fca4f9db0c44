package dk.cmm.stats.graphql;

import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;

/**
 * Limits on what one request may ask, and the last-resort error resolver.
 * <ul>
 * <li>Depth: the schema has no cycles, so data queries are at most 5 levels deep; GraphiQL's introspection query
 * (a type reference nested 9 {@code ofType}s deep) needs 15. {@code cmm.graphql.max-depth}, default 20.</li>
 * <li>Complexity: every field costs 1, a query field that runs a MongoDB aggregation {@value #DATABASE_FIELD_COST}
 * more, so one request can hold a dashboard's worth of aliased breakdowns but not hundreds.
 * {@code cmm.graphql.max-complexity}, default 1000 (GraphiQL's introspection query costs 69, a breakdown with
 * all its fields about 40).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    static final int DATABASE_FIELD_COST = 25;

    /** Query fields answered by the database. */
    private static final Set<String> DATABASE_FIELDS = Set.of("personStats", "hotlineStats", "outreachStats",
            "codebook", "years", "persons");

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepthInstrumentation(@Value("${cmm.graphql.max-depth:20}") int maxDepth) {
        return new MaxQueryDepthInstrumentation(maxDepth);
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexityInstrumentation(
            @Value("${cmm.graphql.max-complexity:1000}") int maxComplexity) {
        FieldComplexityCalculator cost = (env, childComplexity) -> childComplexity + 1
                + (env.getParentEnvironment() == null && DATABASE_FIELDS.contains(env.getField().getName())
                        ? DATABASE_FIELD_COST : 0);
        return new MaxQueryComplexityInstrumentation(maxComplexity, cost);
    }

    /**
     * Appends {@link UnexpectedErrorResolver} after the resolvers Spring Boot registers (among them the one that
     * calls every {@code @GraphQlExceptionHandler}), so a specific handler always wins over the catch-all.
     */
    @Bean
    GraphQlSourceBuilderCustomizer unexpectedErrorResolverCustomizer() {
        return builder -> builder.exceptionResolvers(List.of(new UnexpectedErrorResolver()));
    }
}
