package dk.cmm.stats.graphql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dk.cmm.stats.stats.QueryRules;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;

/**
 * Applies the normalising of {@link QueryRules} (the one set of query rules, which the CSV and JSON-stat endpoints
 * apply too) to the {@code filter} of every query field before anything else sees it: an instrumentation wraps the
 * field's data fetcher outermost, so the field guard and disclosure control get the checked filter too. For
 * example {@code nationality: ["ng"]} is {@code NG}, and {@code years: [2012, 99999]} is a BAD_REQUEST naming
 * {@code filter.years}.
 */
@Component
class ArgumentChecks extends SimplePerformantInstrumentation {

    private static final Set<String> FIELDS = Set.of("personStats", "hotlineStats", "outreachStats", "persons");

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters
            parameters, InstrumentationState state) {
        DataFetchingEnvironment env = parameters.getEnvironment();
        if (env.getParentType() != env.getGraphQLSchema().getQueryType()
                || !FIELDS.contains(env.getField().getName())
                || !(env.getArgument("filter") instanceof Map<?, ?> filter)) {
            return dataFetcher;
        }
        return environment -> {
            Map<String, Object> checked = checked(filter);
            Map<String, Object> arguments = new LinkedHashMap<>(environment.getArguments());
            arguments.put("filter", checked);
            return dataFetcher.get(DataFetchingEnvironmentImpl.newDataFetchingEnvironment(environment)
                    .arguments(arguments).build());
        };
    }

    /** The filter as {@link QueryRules} normalises it, for every endpoint alike. */
    static Map<String, Object> checked(Map<?, ?> filter) {
        return QueryRules.normalised(filter);
    }
}
