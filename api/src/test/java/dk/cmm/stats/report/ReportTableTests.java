package dk.cmm.stats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.cmm.stats.stats.Stats;

/** A report table's filter comes out in one order whatever map it was built from (the export is byte-identical). */
class ReportTableTests {

    private static final Stats NONE = new Stats(0, List.of(), null, null);

    @Test
    void shouldOrderTheFilterByTheSubjectsFilterFields() {
        Map<String, List<String>> backwards = new LinkedHashMap<>();
        backwards.put("CALLER_TYPE", List.of("POLICE"));
        backwards.put("YEAR", List.of("2012"));
        assertThat(new ReportTable(ReportTable.HOTLINE, backwards, List.of("REASON"), NONE).filter().keySet())
                .containsExactly("YEAR", "CALLER_TYPE");

        Map<String, List<String>> persons = new LinkedHashMap<>();
        persons.put("OUTCOME_YEAR", List.of("2012"));
        persons.put("STATUS", List.of("PREPARED_RETURN_IOM"));
        persons.put("ASSESSMENT_YEAR", List.of("2012"));
        assertThat(new ReportTable(ReportTable.PERSONS, persons, List.of(), NONE).filter().keySet())
                .containsExactly("ASSESSMENT_YEAR", "STATUS", "OUTCOME_YEAR");
    }
}
