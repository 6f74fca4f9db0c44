package dk.cmm.stats.graphql;

import java.util.List;
import java.util.function.Function;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

import dk.cmm.stats.storage.Stamp;
import dk.cmm.stats.storage.Stamped;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;

/**
 * {@code changedBy} and {@code changedAt} of every record type, from the record's {@link Stamp}: one wiring for all
 * record types rather than a pair of schema mappings in each controller.
 */
@Component
class ChangeStampWiring implements RuntimeWiringConfigurer {

    static final List<String> RECORD_TYPES = List.of("Person", "Programme", "OutreachActivity", "HotlineCall",
            "YearNote");

    @Override
    public void configure(RuntimeWiring.Builder builder) {
        for (String type : RECORD_TYPES) {
            builder.type(type, wiring -> wiring
                    .dataFetcher("changedBy", fromStamp(Stamp::by))
                    .dataFetcher("changedAt", fromStamp(stamp -> stamp.at().toString())));
        }
    }

    /** ISO 8601 in UTC for the time, e.g. {@code 2026-01-31T09:15:00Z}; null for a record never stamped. */
    private static DataFetcher<String> fromStamp(Function<Stamp, String> field) {
        return environment -> {
            Stamp stamp = ((Stamped<?>) environment.getSource()).changed();
            return stamp == null ? null : field.apply(stamp);
        };
    }
}
