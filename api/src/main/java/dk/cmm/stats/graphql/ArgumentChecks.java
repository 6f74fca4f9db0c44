package dk.cmm.stats.graphql;

import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dk.cmm.stats.stats.InvalidQueryException;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;

/**
 * Argument rules of the GraphQL layer, applied to the {@code filter} of every query field before anything else
 * sees it (an instrumentation wraps the field's data fetcher outermost, so the field guard and disclosure control
 * get the checked filter too):
 * <ul>
 * <li>Nationality codes are accepted in any case ({@code ng} is {@code NG}), as the importer accepts them.</li>
 * <li>Years ({@code assessmentYears}, {@code outcomeYears}, {@code years}) lie from {@value #FIRST_YEAR} to next
 * year, the importer's range; {@code years: [2012, 99999]} is a BAD_REQUEST naming {@code filter.years}.</li>
 * </ul>
 */
@Component
class ArgumentChecks extends SimplePerformantInstrumentation {

    static final int FIRST_YEAR = 1990;

    private static final Set<String> FIELDS = Set.of("personStats", "hotlineStats", "outreachStats", "persons");
    private static final List<String> YEAR_LISTS = List.of("assessmentYears", "outcomeYears", "years");

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

    static Map<String, Object> checked(Map<?, ?> filter) {
        Map<String, Object> out = new LinkedHashMap<>();
        filter.forEach((key, value) -> out.put(String.valueOf(key), value));
        int lastYear = Year.now().getValue() + 1;
        for (String name : YEAR_LISTS) {
            if (out.get(name) instanceof List<?> years) {
                for (Object year : years) {
                    if (year instanceof Number n && (n.longValue() < FIRST_YEAR || n.longValue() > lastYear)) {
                        throw new InvalidQueryException("filter." + name, "Year " + n + " in filter." + name
                                + " is outside " + FIRST_YEAR + "-" + lastYear);
                    }
                }
            }
        }
        if (out.get("nationality") instanceof List<?> codes) {
            out.put("nationality", codes.stream()
                    .map(code -> code instanceof String s ? s.strip().toUpperCase(Locale.ROOT) : code).toList());
        }
        return out;
    }
}
