package dk.cmm.stats.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dk.cmm.stats.codebook.CallerType;
import dk.cmm.stats.disclosure.ReportedCells.Table;
import dk.cmm.stats.stats.FilterField;
import dk.cmm.stats.stats.HotlineDimension;
import dk.cmm.stats.stats.OutreachDimension;
import dk.cmm.stats.stats.OutreachFilter;
import dk.cmm.stats.stats.OutreachRow;
import dk.cmm.stats.stats.PersonDimension;
import dk.cmm.stats.stats.PersonFilter;
import dk.cmm.stats.stats.PersonQuery;
import dk.cmm.stats.stats.Stats;
import dk.cmm.stats.stats.StatsService;

/**
 * The tables the annual report publishes, in one place: the site writes them with their numbers
 * ({@code report-tables.json}, from {@link #of(YearAnswers)}), and disclosure control reads the same tables as cells
 * known to everyone ({@link #aboutPersons(int)}, {@link #aboutCalls(int)}, through {@link ReportPublication}).
 * A year's tables are its person questions ({@link ReportQuestion}), the hotline's two and one per outreach
 * programme (the persons assessed after contact with it).
 */
@Component
class PublishedTables {

    private final StatsService stats;

    PublishedTables(StatsService stats) {
        this.stats = stats;
    }

    /** Every table of the year's report, with its numbers. */
    static List<ReportTable> of(YearAnswers year) {
        List<ReportTable> tables = new ArrayList<>(persons(year.year(), year::get));
        if (year.callsByCaller().total() > 0) {
            tables.addAll(calls(year.year(), year.callsByCaller(), year.policeByReason()));
        }
        for (YearReport.Programmed p : year.outreach()) {
            tables.add(programme(year.year(), p.programme().code(),
                    new Stats(p.metrics().assessedTrafficked(), List.of(), null, null)));
        }
        return List.copyOf(tables);
    }

    /**
     * The tables any report publishes about the persons of {@code year}, as disclosure control needs them: the
     * year's own questions, the series of later reports (a yearly total, who assessed), the questions over every
     * assessment year (the prepared returns of a later year by nationality), and the contact programmes whose victims
     * the year's outreach table counts. Each is a filter of one code per dimension and a groupBy. A question over
     * several years counts the year's persons among others; its share of the year is taken as known, as an attacker
     * who knows the other years' shares would know it.
     */
    List<Table> aboutPersons(int year) {
        List<ReportTable> tables = new ArrayList<>();
        for (int reportYear : stats.assessmentYears()) {
            tables.addAll(persons(reportYear, question -> null));
        }
        for (OutreachRow row : stats.outreachStats(new OutreachFilter(List.of(year), null, null, null),
                List.of(OutreachDimension.PROGRAMME))) {
            tables.add(programme(year, row.key().get(0).code(), null));
        }
        return cells(tables, year);
    }

    /** The hotline tables of the year's report: calls by caller, and the police's calls by reason. */
    List<Table> aboutCalls(int year) {
        return stats.assessmentYears().contains(year) ? cells(calls(year, null, null), year) : List.of();
    }

    private static List<ReportTable> persons(int year, Function<ReportQuestion, Stats> answers) {
        List<ReportTable> tables = new ArrayList<>();
        for (ReportQuestion question : ReportQuestion.values()) {
            PersonQuery query = question.of(year);
            tables.add(new ReportTable(ReportTable.PERSONS, codes(query.filter()),
                    query.groupBy().stream().map(Enum::name).toList(), answers.apply(question)));
        }
        return tables;
    }

    private static List<ReportTable> calls(int year, Stats byCaller, Stats policeByReason) {
        List<String> y = List.of(String.valueOf(year));
        return List.of(new ReportTable(ReportTable.HOTLINE, Map.of(HotlineDimension.YEAR.name(), y),
                        List.of(HotlineDimension.CALLER_TYPE.name()), byCaller),
                new ReportTable(ReportTable.HOTLINE, Map.of(HotlineDimension.YEAR.name(), y,
                        HotlineDimension.CALLER_TYPE.name(), List.of(CallerType.POLICE.name())),
                        List.of(HotlineDimension.REASON.name()), policeByReason));
    }

    private static ReportTable programme(int year, String code, Stats victims) {
        Map<String, List<String>> filter = new LinkedHashMap<>();
        filter.put(PersonDimension.ASSESSMENT_YEAR.name(), List.of(String.valueOf(year)));
        filter.put(PersonDimension.CONTACT_PROGRAMME.name(), List.of(code));
        return new ReportTable(ReportTable.PERSONS, filter, List.of(), victims);
    }

    /**
     * The tables that count persons (or calls) of {@code year}, as cells: the year left out of filter and groupBy, and
     * only tables whose filter names one code per dimension. A table over several years counts the year's among them.
     */
    private static List<Table> cells(List<ReportTable> tables, int year) {
        String y = String.valueOf(year);
        Set<Table> cells = new LinkedHashSet<>();
        for (ReportTable table : tables) {
            String yearDimension = ReportTable.HOTLINE.equals(table.subject()) ? HotlineDimension.YEAR.name()
                    : PersonDimension.ASSESSMENT_YEAR.name();
            List<String> years = table.filter().get(yearDimension);
            Map<String, String> single = new LinkedHashMap<>();
            table.filter().forEach((dimension, codes) -> {
                if (!dimension.equals(yearDimension)) {
                    single.put(dimension, codes.size() == 1 ? codes.get(0) : null);
                }
            });
            if ((years != null && !years.contains(y)) || single.containsValue(null)) {
                continue;
            }
            List<String> groupBy = table.groupBy().stream().filter(d -> !d.equals(yearDimension)).toList();
            cells.add(new Table(Map.copyOf(single), groupBy));
        }
        return List.copyOf(cells);
    }

    /** The filter as dimension → its codes. */
    private static Map<String, List<String>> codes(PersonFilter filter) {
        Map<String, List<String>> codes = new LinkedHashMap<>();
        for (FilterField<PersonFilter> field : FilterField.PERSON) {
            if (field.isSet(filter)) {
                codes.put(field.dimension().name(), field.values(filter).stream()
                        .map(v -> v instanceof Enum<?> e ? e.name() : String.valueOf(v)).toList());
            }
        }
        return codes;
    }
}
