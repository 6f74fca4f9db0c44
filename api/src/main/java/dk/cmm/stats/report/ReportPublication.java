package dk.cmm.stats.report;

import java.util.List;

import org.springframework.stereotype.Component;

import dk.cmm.stats.disclosure.ReportedCells;

/** The report's numbers of a year, for disclosure control: every publication publishes them unchanged. */
@Component
class ReportPublication implements ReportedCells {

    private final YearStatistics statistics;

    ReportPublication(YearStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public List<Table> of(int year) {
        return statistics.publishedTables(year);
    }
}
