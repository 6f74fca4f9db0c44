package dk.cmm.stats.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dk.cmm.stats.importer.FileImporter;
import dk.cmm.stats.importer.RecordDumper;

/** The .xlsx bench rows, on the bundled data: the stored persons dumped as a workbook and imported back (dry run). */
@SpringBootTest(properties = "cmm.data-dir=target/test-data/xlsx-bench-${random.uuid}")
class XlsxBenchTests {

    @Autowired
    RecordDumper dumper;

    @Autowired
    FileImporter importer;

    @Test
    void shouldReportTheDumpAndTheDryRunImportOfEveryStoredPersonWithTheirPeakHeap() throws Exception {
        BenchReport report = new BenchReport(new PrintWriter(new StringWriter()));

        XlsxBench.run(dumper, importer, report);

        assertThat(report.rows()).extracting(BenchReport.Row::id).containsExactly("3.xlsx-dump", "3.xlsx-import");
        assertThat(report.rows().get(0).what()).matches("dump of [0-9,]+ persons as \\.xlsx \\(streaming\\)");
        assertThat(report.rows().get(1).note()).contains("peak heap").contains("MB of");
        assertThat(report.rows()).allSatisfy(row -> assertThat(row.value()).isPositive());
    }
}
