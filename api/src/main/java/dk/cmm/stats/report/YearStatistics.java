package dk.cmm.stats.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dk.cmm.stats.outreach.Programme;
import dk.cmm.stats.outreach.Programmes;
import dk.cmm.stats.stats.OutreachRow;
import dk.cmm.stats.stats.PersonAnswers;
import dk.cmm.stats.stats.PersonQuery;
import dk.cmm.stats.stats.Stats;
import dk.cmm.stats.stats.StatsService;
import dk.cmm.stats.yearnote.YearNotes;

/**
 * Asks the statistics service every question of the years' reports, the same questions the API answers, and
 * shapes each year's answers into its report. Unknown stays unknown: a year or attribute without data becomes a
 * null count or a figure marked not available, never a zero.
 */
@Component
record YearStatistics(StatsService stats, Programmes programmes, YearNotes notes) {

    /** Years in which persons were assessed: the years a report can be made for. */
    List<Integer> reportYears() {
        return stats.assessmentYears();
    }

    YearReport collect(int year) {
        return collect(List.of(year)).get(0);
    }

    /**
     * The reports of the years, in order. Every person question of every year is collected first and asked in one
     * batch ({@link StatsService#personBatch}: one read of the persons they concern); the hotline and outreach
     * numbers of all the years follow in two questions ({@link OtherRecords}).
     */
    List<YearReport> collect(List<Integer> years) {
        ReportQuestion[] questions = ReportQuestion.values();
        List<PersonQuery> queries = new ArrayList<>();
        for (int year : years) {
            for (ReportQuestion question : questions) {
                queries.add(question.of(year));
            }
        }
        PersonAnswers batch = stats.personBatch(List.copyOf(queries),
                years.stream().map(ReportQuestion::cmmReturns).toList());
        List<EnumMap<ReportQuestion, Stats>> answers = new ArrayList<>();
        for (int i = 0; i < years.size(); i++) {
            EnumMap<ReportQuestion, Stats> year = new EnumMap<>(ReportQuestion.class);
            for (ReportQuestion question : questions) {
                year.put(question, batch.breakdowns().get(i * questions.length + question.ordinal()));
            }
            if (year.get(ReportQuestion.BY_AUTHORITY).total() == 0) {
                throw new ReportException("No persons were assessed as trafficked in " + years.get(i)
                        + ", so there is no report to export for it; years with person data: "
                        + yearsText(reportYears()));
            }
            answers.add(year);
        }
        OtherRecords other = new OtherRecords(stats, years);
        Map<String, Programme> byCode = new LinkedHashMap<>();
        programmes.all().forEach(p -> byCode.put(p.code(), p));
        List<YearReport> reports = new ArrayList<>();
        for (int i = 0; i < years.size(); i++) {
            int year = years.get(i);
            reports.add(new YearAnswers(year, answers.get(i), batch.returnSupportEquivalentToIom().get(i),
                    other.callsByCaller(year), other.policeByReason(year), outreach(other.outreach(year), byCode),
                    notes.of(year)).report());
        }
        return List.copyOf(reports);
    }

    /** The outreach programmes with activities in the year, in the report's order: by kind, then city, then code. */
    private static List<YearReport.Programmed> outreach(List<OutreachRow> metrics, Map<String, Programme> programmes) {
        List<YearReport.Programmed> rows = new ArrayList<>();
        for (OutreachRow row : metrics) {
            Programme programme = programmes.get(row.code());
            if (programme == null) {
                programme = new Programme(row.code(), row.code(), row.code(), null, null, null, null);
            }
            rows.add(new YearReport.Programmed(programme, row));
        }
        rows.sort(Comparator.comparing((YearReport.Programmed p) -> p.programme().kind() == null ? Integer.MAX_VALUE
                        : p.programme().kind().ordinal())
                .thenComparing(p -> p.programme().city() == null ? "\uffff" : p.programme().city())
                .thenComparing(p -> p.programme().code()));
        return List.copyOf(rows);
    }

    static String yearsText(List<Integer> years) {
        if (years.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        int start = years.get(0);
        int previous = start;
        for (int i = 1; i <= years.size(); i++) {
            if (i < years.size() && years.get(i) == previous + 1) {
                previous = years.get(i);
                continue;
            }
            parts.add(start == previous ? Integer.toString(start) : start + "-" + previous);
            if (i < years.size()) {
                start = years.get(i);
                previous = start;
            }
        }
        return String.join(", ", parts);
    }
}
