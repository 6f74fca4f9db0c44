package dk.cmm.stats.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.SchemaReport;

import dk.cmm.stats.ApiTest;

/**
 * Every schema field has a data fetcher, every controller mapping and argument has its schema counterpart, and the
 * nullness of schema and Java agree: the schema cannot promise what no code delivers.
 */
@ApiTest
class SchemaInspectionTests {

    @Autowired
    SchemaInspection inspection;

    @Test
    void shouldReportNoUnmappedFieldsArgumentsOrRegistrations() {
        SchemaReport report = inspection.report();
        assertThat(report).as("the schema has been inspected").isNotNull();
        assertThat(report.unmappedFields()).as(report.toString()).isEmpty();
        assertThat(report.unmappedArguments()).as(report.toString()).isEmpty();
        assertThat(report.unmappedRegistrations()).as(report.toString()).isEmpty();
        assertThat(report.skippedTypes()).as(report.toString()).isEmpty();
    }

    @Test
    void shouldReportNoNullnessMismatches() {
        SchemaReport report = inspection.report();
        assertThat(report.fieldNullnessErrors()).as(report.toString()).isEmpty();
        assertThat(report.argumentNullnessErrors()).as(report.toString()).isEmpty();
        assertThat(SchemaInspection.isClean(report)).isTrue();
    }
}
