package dk.cmm.stats.graphql;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.stereotype.Component;

/**
 * Keeps the schema inspection's report (schema fields without a data fetcher, controller mappings and arguments the
 * schema lacks, nullness mismatches) so that a test can fail on it; startup only logs it.
 */
@Component
public class SchemaInspection implements GraphQlSourceBuilderCustomizer {

    private static final Logger log = LoggerFactory.getLogger(SchemaInspection.class);

    private volatile SchemaReport report;

    @Override
    public void customize(GraphQlSource.SchemaResourceBuilder builder) {
        builder.inspectSchemaMappings(report -> {
            this.report = report;
            if (isClean(report)) {
                log.debug("GraphQL schema inspection: every field and argument is mapped");
            } else {
                log.warn("GraphQL {}", report);
            }
        });
    }

    /** The report of the last schema built; null before the schema is built. */
    public SchemaReport report() {
        return report;
    }

    static boolean isClean(SchemaReport report) {
        return report.unmappedFields().isEmpty() && report.unmappedRegistrations().isEmpty()
                && report.unmappedArguments().isEmpty() && report.fieldNullnessErrors().isEmpty()
                && report.argumentNullnessErrors().isEmpty() && report.skippedTypes().isEmpty();
    }
}
