package dk.cmm.stats.report;

import java.util.List;

import org.springframework.stereotype.Component;

import dk.cmm.stats.disclosure.ReportedCells;

/** The reports' numbers about a year, for disclosure control: every publication publishes them unchanged. */
@Component
class ReportPublication implements ReportedCells {

    private final PublishedTables tables;

    ReportPublication(PublishedTables tables) {
        this.tables = tables;
    }

    @Override
    public List<Table> of(int year) {
        return tables.aboutPersons(year);
    }

    @Override
    public List<Table> hotline(int year) {
        return tables.aboutCalls(year);
    }
}
