package dk.cmm.stats.report;

import java.util.List;

import org.springframework.stereotype.Component;

import dk.cmm.stats.disclosure.ReportedCells;

/** The reports' numbers about a year, for disclosure control: every publication publishes them unchanged. */
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

    @Override
    public List<Table> hotline(int year) {
        return statistics.publishedHotlineTables(year);
    }
}
