package dk.cmm.stats.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import dk.cmm.stats.codebook.AssessedBy;
import dk.cmm.stats.codebook.CallerType;
import dk.cmm.stats.codebook.CodeList;
import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.codebook.Exploitation;
import dk.cmm.stats.codebook.Status;
import dk.cmm.stats.outreach.Programme;
import dk.cmm.stats.report.FigureData.Availability;
import dk.cmm.stats.report.FigureData.Chart;
import dk.cmm.stats.report.FigureData.Row;
import dk.cmm.stats.report.FigureData.Unit;
import dk.cmm.stats.stats.Dimension;
import dk.cmm.stats.stats.Group;
import dk.cmm.stats.stats.GroupOrder;
import dk.cmm.stats.stats.GroupKey;
import dk.cmm.stats.stats.HotlineDimension;
import dk.cmm.stats.stats.HotlineFilter;
import dk.cmm.stats.stats.OutreachDimension;
import dk.cmm.stats.stats.OutreachFilter;
import dk.cmm.stats.stats.OutreachRow;
import dk.cmm.stats.stats.PersonAnswers;
import dk.cmm.stats.stats.PersonDimension;
import dk.cmm.stats.stats.PersonFilter;
import dk.cmm.stats.stats.PersonQuery;
import dk.cmm.stats.stats.Stats;
import dk.cmm.stats.stats.StatsService;
import dk.cmm.stats.yearnote.YearNote;

/**
 * Asks the statistics service every question of one year's report, the same questions the API answers, and orders
 * the answers as the figures show them. Unknown stays unknown: a year or attribute without data becomes a null
 * count or a figure marked not available, never a zero.
 */
@Component
class YearStatistics {

    /** Figure 1 and 2 show the report year and the five before it. */
    static final int SERIES_YEARS = 6;

    private final StatsService stats;
    private final MongoTemplate mongo;

    YearStatistics(StatsService stats, MongoTemplate mongo) {
        this.stats = stats;
        this.mongo = mongo;
    }

    /** Years in which persons were assessed: the years a report can be made for. */
    List<Integer> reportYears() {
        return stats.assessmentYears();
    }

    /**
     * The tables any report publishes about the persons of {@code year}, as disclosure control needs them: the
     * year's own questions, the series of later reports (a yearly total, who assessed), the questions over every
     * assessment year (the prepared returns of a later year by nationality), and the contact programmes whose victims
     * the year's outreach table counts. Each is a filter of one code per dimension and a groupBy. A question over
     * several years counts the year's persons among others; its share of the year is taken as known, as an attacker
     * who knows the other years' shares would know it.
     */
    List<dk.cmm.stats.disclosure.ReportedCells.Table> publishedTables(int year) {
        List<PersonQuery> queries = new ArrayList<>();
        for (int reportYear : reportYears()) {
            new YearQuestions(reportYear, queries);
        }
        String y = String.valueOf(year);
        Set<dk.cmm.stats.disclosure.ReportedCells.Table> tables = new LinkedHashSet<>();
        for (PersonQuery query : queries) {
            Map<String, List<String>> filter = codes(query.filter());
            if (filter == null) {
                continue; // a numeric bound: no table of cells
            }
            List<String> years = filter.remove(PersonDimension.ASSESSMENT_YEAR.name());
            List<String> groupBy = new ArrayList<>(query.groupBy().stream().map(Enum::name).toList());
            groupBy.remove(PersonDimension.ASSESSMENT_YEAR.name());
            Map<String, String> single = new LinkedHashMap<>();
            filter.forEach((dimension, codes) -> single.put(dimension, codes.size() == 1 ? codes.get(0) : null));
            if ((years != null && !years.contains(y)) || single.containsValue(null)) {
                continue;
            }
            tables.add(new dk.cmm.stats.disclosure.ReportedCells.Table(Map.copyOf(single), List.copyOf(groupBy)));
        }
        for (OutreachRow row : stats.outreachStats(new OutreachFilter(List.of(year), null, null, null),
                List.of(OutreachDimension.PROGRAMME))) {
            tables.add(new dk.cmm.stats.disclosure.ReportedCells.Table(
                    Map.of(PersonDimension.CONTACT_PROGRAMME.name(), row.key().get(0).code()), List.of()));
        }
        return List.copyOf(tables);
    }

    /** The hotline tables of the year's report: calls by caller, and the police's calls by reason. */
    List<dk.cmm.stats.disclosure.ReportedCells.Table> publishedHotlineTables(int year) {
        if (!reportYears().contains(year)) {
            return List.of();
        }
        return List.of(new dk.cmm.stats.disclosure.ReportedCells.Table(Map.of(),
                        List.of(HotlineDimension.CALLER_TYPE.name())),
                new dk.cmm.stats.disclosure.ReportedCells.Table(
                        Map.of(HotlineDimension.CALLER_TYPE.name(), CallerType.POLICE.name()),
                        List.of(HotlineDimension.REASON.name())));
    }

    /** The filter as dimension → its codes; null where a field bounds a number. */
    private static Map<String, List<String>> codes(PersonFilter filter) {
        Map<String, List<String>> codes = new LinkedHashMap<>();
        for (dk.cmm.stats.stats.FilterField<PersonFilter> field : dk.cmm.stats.stats.FilterField.PERSON) {
            if (!field.isSet(filter)) {
                continue;
            }
            List<Object> values = field.values(filter);
            if (values == null) {
                return null;
            }
            codes.put(field.dimension().name(),
                    values.stream().map(v -> v instanceof Enum<?> e ? e.name() : String.valueOf(v)).toList());
        }
        return codes;
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
        List<PersonQuery> queries = new ArrayList<>();
        List<YearQuestions> questions = years.stream().map(y -> new YearQuestions(y, queries)).toList();
        PersonAnswers batch = stats.personBatch(List.copyOf(queries),
                questions.stream().map(YearQuestions::cmm).toList());
        OtherRecords other = new OtherRecords(years);
        List<Stats> answers = batch.breakdowns();
        for (YearQuestions q : questions) {
            if (answers.get(q.byAuthority).total() == 0) {
                throw new ReportException("No persons were assessed as trafficked in " + q.year
                        + ", so there is no report to export for it; years with person data: "
                        + yearsText(reportYears()));
            }
        }
        Map<String, Programme> programmes = new LinkedHashMap<>();
        mongo.findAll(Programme.class).forEach(p -> programmes.put(p.code(), p));
        List<YearReport> reports = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            reports.add(report(questions.get(i), answers, batch.returnSupportEquivalentToIom().get(i), programmes,
                    other));
        }
        return List.copyOf(reports);
    }

    /**
     * The hotline and outreach numbers of all the years, from two questions over all of them (each a scan on the
     * embedded server, so asking per year would scan 24 times for 24 years): the calls by year, caller and reason,
     * and the outreach by year and programme. Each year's breakdown is summed from them: a year's groups are exactly
     * the groups its own question would give.
     */
    private final class OtherRecords {
        private final Stats callsByYearCallerAndReason;
        private final List<OutreachRow> outreachByYearAndProgramme;

        OtherRecords(List<Integer> years) {
            callsByYearCallerAndReason = stats.hotlineStats(new HotlineFilter(years, null, null),
                    List.of(HotlineDimension.YEAR, HotlineDimension.CALLER_TYPE, HotlineDimension.REASON), false);
            outreachByYearAndProgramme = stats.outreachStats(new OutreachFilter(years, null, null, null),
                    List.of(OutreachDimension.YEAR, OutreachDimension.PROGRAMME));
        }

        Stats callsByCaller(int year) {
            return slice(year, null, HotlineDimension.CALLER_TYPE, List.of());
        }

        /** With a zero row for every reason without calls, as {@code includeEmpty} gives. */
        Stats policeByReason(int year) {
            return slice(year, CallerType.POLICE.name(), HotlineDimension.REASON, CodeList.CALL_REASON.codes());
        }

        List<OutreachRow> outreach(int year) {
            String y = Integer.toString(year);
            return outreachByYearAndProgramme.stream().filter(r -> r.key().get(0).code().equals(y))
                    .map(r -> r.withKey(List.of(r.key().get(1))))
                    .toList();
        }

        /**
         * One year's calls (of one caller type, or all) by one dimension, summed from the breakdown by year, caller
         * and reason, keyed by that dimension alone, in the service's order (by count, then code). Every record has
         * a code or {@code UNKNOWN}, so the groups add up to the total.
         */
        private Stats slice(int year, String callerType, HotlineDimension dimension, List<String> emptyCodes) {
            String y = Integer.toString(year);
            int position = dimension == HotlineDimension.CALLER_TYPE ? 1 : 2;
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Group g : callsByYearCallerAndReason.groups()) {
                if (g.key().get(0).code().equals(y) && (callerType == null || g.key().get(1).code().equals(callerType))) {
                    counts.merge(g.key().get(position).code(), g.count(), Integer::sum);
                }
            }
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            emptyCodes.forEach(code -> counts.putIfAbsent(code, 0));
            String name = dimension.name();
            List<Group> groups = new ArrayList<>();
            counts.forEach((code, count) -> groups.add(new Group(List.of(new GroupKey(name, code)), count,
                    total == 0 ? 0 : (double) count / total)));
            groups.sort(GroupOrder.byCount(Group::count, Group::key));
            return new Stats(total, List.copyOf(groups), null, null);
        }
    }

    /** The person breakdowns of one year's report: each is the index of its question in the batch. */
    private static final class YearQuestions {
        final int year;
        final List<Integer> seriesYears;
        final int byAuthority, byChannel, byRegion, byNationality, byExploitation, bySector, bySectorAndGender,
                exploitationByGender, byGender, byAgeGroup, byStatus, iomOfYearByNationality, cmmByNationality,
                declined, yearly, yearlyByAuthority, iomByAccommodation, iomByGender, iomOfYearByAssessmentYear,
                iomOfYearByGender, cmmByAccommodation, euByNationality;
        /** This year's questions in the batch: from {@code first} (inclusive) to {@code end} (exclusive). */
        final int first, end;
        private final List<PersonQuery> queries;

        YearQuestions(int year, List<PersonQuery> queries) {
            this.year = year;
            this.queries = queries;
            this.first = queries.size();
            PersonFilter inYear = PersonFilter.builder().assessmentYears(year).build();
            byAuthority = ask(inYear, false, PersonDimension.ASSESSED_BY);
            byChannel = ask(inYear, true, PersonDimension.CONTACT_CHANNEL);
            byRegion = ask(inYear, false, PersonDimension.REGION);
            byNationality = ask(inYear, false, PersonDimension.NATIONALITY);
            byExploitation = ask(inYear, false, PersonDimension.EXPLOITATION);
            PersonFilter forcedLabour = inYear.toBuilder().exploitation(Exploitation.FORCED_LABOUR).build();
            bySector = ask(forcedLabour, false, PersonDimension.LABOUR_SECTOR);
            bySectorAndGender = ask(forcedLabour, false, PersonDimension.LABOUR_SECTOR, PersonDimension.GENDER);
            exploitationByGender = ask(inYear, false, PersonDimension.EXPLOITATION, PersonDimension.GENDER);
            byGender = ask(inYear, false, PersonDimension.GENDER);
            byAgeGroup = ask(inYear, true, PersonDimension.AGE_GROUP);
            byStatus = ask(inYear, false, PersonDimension.STATUS);

            PersonFilter iom = inYear.toBuilder().status(Status.PREPARED_RETURN_IOM).build();
            PersonFilter iomOfYear = PersonFilter.builder().status(Status.PREPARED_RETURN_IOM).outcomeYears(year)
                    .build();
            PersonFilter cmm = inYear.toBuilder().status(Status.ASSISTED_RETURN_CMM).build();
            iomOfYearByNationality = ask(iomOfYear, false, PersonDimension.NATIONALITY);
            cmmByNationality = ask(cmm, false, PersonDimension.NATIONALITY);
            declined = ask(inYear.toBuilder().status(Status.DECLINED_OR_LEFT).build(), false,
                    PersonDimension.NATIONALITY);

            seriesYears = IntStream.rangeClosed(year - SERIES_YEARS + 1, year).boxed().toList();
            PersonFilter series = PersonFilter.builder().assessmentYears(seriesYears).build();
            yearly = ask(series, false, PersonDimension.ASSESSMENT_YEAR);
            yearlyByAuthority = ask(series, false, PersonDimension.ASSESSMENT_YEAR, PersonDimension.ASSESSED_BY);

            iomByAccommodation = ask(iom, false, PersonDimension.ACCOMMODATION);
            iomByGender = ask(iom, false, PersonDimension.GENDER);
            iomOfYearByAssessmentYear = ask(iomOfYear, false, PersonDimension.ASSESSMENT_YEAR);
            iomOfYearByGender = ask(iomOfYear, false, PersonDimension.GENDER);
            cmmByAccommodation = ask(cmm, false, PersonDimension.ACCOMMODATION);
            euByNationality = ask(inYear.toBuilder().status(Status.STAYED_EU_CITIZEN).build(), false,
                    PersonDimension.NATIONALITY);
            end = queries.size();
        }

        private int ask(PersonFilter filter, boolean includeEmpty, PersonDimension... groupBy) {
            queries.add(new PersonQuery(filter, List.of(groupBy), includeEmpty));
            return queries.size() - 1;
        }

        PersonFilter cmm() {
            return PersonFilter.builder().assessmentYears(year).status(Status.ASSISTED_RETURN_CMM).build();
        }
    }

    /** @param cmmEquivalentToIom of the year's assisted returns, those supported as an IOM prepared return is */
    private YearReport report(YearQuestions q, List<Stats> answers, int cmmEquivalentToIom,
            Map<String, Programme> programmes, OtherRecords other) {
        int year = q.year;
        Stats byAuthority = answers.get(q.byAuthority);
        Stats byChannel = answers.get(q.byChannel);
        Stats byExploitation = answers.get(q.byExploitation);
        Stats byGender = answers.get(q.byGender);
        Stats byStatus = answers.get(q.byStatus);
        boolean statusKnown = byStatus.count(Codebook.UNKNOWN) == 0;

        Stats byCaller = other.callsByCaller(year);
        Stats policeByReason = other.policeByReason(year);

        Map<String, FigureData> figures = new LinkedHashMap<>();
        add(figures, yearlyFigure(answers.get(q.yearly), q.seriesYears));
        add(figures, authorityFigure(answers.get(q.yearlyByAuthority), q.seriesYears));
        add(figures, bars("03", PersonDimension.CONTACT_CHANNEL, byChannel, Order.BY_COUNT, true, Unit.PERSONS));
        add(figures, bars("04", PersonDimension.REGION, answers.get(q.byRegion), Order.BY_COUNT, true,
                Unit.PERSONS));
        add(figures, bars("05", PersonDimension.NATIONALITY, answers.get(q.byNationality), Order.BY_COUNT, true,
                Unit.PERSONS));
        add(figures, bars("06", PersonDimension.EXPLOITATION, byExploitation, Order.BY_COUNT, true, Unit.PERSONS));
        add(figures, bars("07", PersonDimension.LABOUR_SECTOR, answers.get(q.bySector), Order.BY_COUNT,
                byExploitation.count(Codebook.UNKNOWN) == 0, Unit.CASES));
        add(figures, grouped("08", PersonDimension.EXPLOITATION, PersonDimension.GENDER,
                answers.get(q.exploitationByGender), byExploitation, byGender));
        add(figures, bars("09", PersonDimension.AGE_GROUP, answers.get(q.byAgeGroup), Order.BY_CODE, true,
                Unit.PERSONS));
        add(figures, bars("10", PersonDimension.STATUS, byStatus, Order.BY_CODE, true, Unit.PERSONS));
        add(figures, bars("11", PersonDimension.NATIONALITY, answers.get(q.iomOfYearByNationality), Order.BY_COUNT,
                statusKnown, Unit.PERSONS));
        add(figures, bars("12", PersonDimension.NATIONALITY, answers.get(q.cmmByNationality), Order.BY_COUNT,
                statusKnown, Unit.PERSONS));
        add(figures, bars("13", PersonDimension.NATIONALITY, answers.get(q.declined), Order.BY_COUNT, statusKnown,
                Unit.PERSONS));
        add(figures, bars("14", HotlineDimension.CALLER_TYPE, byCaller, Order.BY_COUNT, false, Unit.CALLS));
        add(figures, bars("14-2", HotlineDimension.REASON, policeByReason, Order.BY_COUNT,
                byCaller.total() > 0 && byCaller.count(Codebook.UNKNOWN) == 0, Unit.CALLS));

        YearNote note = mongo.findById(year, YearNote.class);
        List<YearReport.Programmed> outreach = outreach(other.outreach(year), programmes);
        int total = byAuthority.total(); // every breakdown of the year's persons carries their total and summaries
        return new YearReport(year, note, total, byAuthority.age(),
                new ContactsSection.Numbers(note),
                new VictimsSection.Numbers(total, byAuthority),
                new ChannelSection.Numbers(total, byChannel),
                new NationalitySection.Numbers(total, answers.get(q.byRegion), answers.get(q.byNationality)),
                new ExploitationSection.Numbers(total, byExploitation, figures.get("07")),
                new GenderSection.Numbers(total, byGender, byExploitation, answers.get(q.exploitationByGender),
                        answers.get(q.bySectorAndGender)),
                new AgeSection.Numbers(total, byAuthority.age(), answers.get(q.byAgeGroup)),
                new CourseSection.Numbers(year, total, note == null ? null : note.cutOffDate(), byStatus,
                        answers.get(q.iomByAccommodation), answers.get(q.iomByGender),
                        answers.get(q.iomOfYearByAssessmentYear), answers.get(q.iomOfYearByGender),
                        answers.get(q.cmmByAccommodation), cmmEquivalentToIom,
                        answers.get(q.euByNationality), answers.get(q.declined)),
                new OtherWorkSection.Numbers(byCaller, policeByReason, figures.get("14-2"), outreach.size()),
                outreach, Map.copyOf(figures), tables(q, answers, byCaller, policeByReason, outreach));
    }

    /** Every table the year's report publishes, with its numbers: its person questions, hotline and programmes. */
    private List<ReportTable> tables(YearQuestions q, List<Stats> answers, Stats byCaller, Stats policeByReason,
            List<YearReport.Programmed> outreach) {
        List<ReportTable> tables = new ArrayList<>();
        for (int i = q.first; i < q.end; i++) {
            PersonQuery query = q.queries.get(i);
            tables.add(new ReportTable(ReportTable.PERSONS, codes(query.filter()),
                    query.groupBy().stream().map(Enum::name).toList(), answers.get(i)));
        }
        if (byCaller.total() > 0) {
            String y = String.valueOf(q.year);
            tables.add(new ReportTable(ReportTable.HOTLINE, Map.of(HotlineDimension.YEAR.name(), List.of(y)),
                    List.of(HotlineDimension.CALLER_TYPE.name()), byCaller));
            tables.add(new ReportTable(ReportTable.HOTLINE, Map.of(HotlineDimension.YEAR.name(), List.of(y),
                    HotlineDimension.CALLER_TYPE.name(), List.of(CallerType.POLICE.name())),
                    List.of(HotlineDimension.REASON.name()), policeByReason));
        }
        for (YearReport.Programmed p : outreach) {
            Map<String, List<String>> filter = new LinkedHashMap<>();
            filter.put(PersonDimension.ASSESSMENT_YEAR.name(), List.of(String.valueOf(q.year)));
            filter.put(PersonDimension.CONTACT_PROGRAMME.name(), List.of(p.programme().code()));
            int victims = p.metrics().assessedTrafficked();
            tables.add(new ReportTable(ReportTable.PERSONS, filter, List.of(), new Stats(victims, List.of(), null,
                    null)));
        }
        return List.copyOf(tables);
    }

    private static void add(Map<String, FigureData> figures, FigureData figure) {
        figures.put(figure.id(), figure);
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

    enum Order { BY_COUNT, BY_CODE }

    /**
     * A one-dimension figure. Zero rows (from {@code includeEmpty}) are kept only when the attribute is known for
     * everyone: beside "not available" persons a zero could be anyone. "Not available" comes last.
     *
     * @param parentKnown whether an empty figure means "none" (the population is known) rather than "not available"
     */
    static FigureData bars(String id, Dimension dimension, Stats stats, Order order, boolean parentKnown, Unit unit) {
        boolean hasUnknown = stats.count(Codebook.UNKNOWN) > 0;
        List<Row> rows = new ArrayList<>();
        for (Group g : stats.groups()) {
            if (g.count() > 0 || !hasUnknown) {
                rows.add(new Row(g.key(), g.count()));
            }
        }
        Comparator<Row> byCode = (a, b) -> GroupOrder.compareCodes(dimension, a.code(), b.code());
        rows.sort(order == Order.BY_COUNT
                ? Comparator.comparing(Row::unknown).thenComparing(Comparator.comparing(Row::count).reversed())
                        .thenComparing(byCode)
                : byCode);
        boolean known = rows.stream().anyMatch(r -> !r.unknown() && r.count() > 0);
        Availability availability = known ? Availability.DATA
                : !rows.isEmpty() && stats.total() > 0 || !parentKnown ? Availability.NOT_AVAILABLE
                : Availability.EMPTY;
        return new FigureData(id, number(id), Chart.BARS, unit, List.of(dimension.name()), List.copyOf(rows),
                availability, stats.total());
    }

    /** Figure 1: a column per year; a year without records is not available (no total was published). */
    static FigureData yearlyFigure(Stats yearly, List<Integer> years) {
        List<Row> rows = new ArrayList<>();
        for (int y : years) {
            int count = yearly.count(Integer.toString(y));
            rows.add(new Row(List.of(new GroupKey(PersonDimension.ASSESSMENT_YEAR.name(), Integer.toString(y))),
                    count > 0 ? count : null));
        }
        return new FigureData("01", "1", Chart.COLUMNS, Unit.PERSONS,
                List.of(PersonDimension.ASSESSMENT_YEAR.name()), List.copyOf(rows), Availability.DATA,
                yearly.total());
    }

    /**
     * Figure 2: per year, the persons each authority assessed, from the first year whose records say who assessed
     * them (a chart of five "not available" years and one known says less than the known one alone; the page says
     * from when the split is recorded). A later year whose records do not say is not available for every authority;
     * a "not available" series appears only beside known numbers of the same year.
     */
    static FigureData authorityFigure(Stats byYearAndAuthority, List<Integer> years) {
        List<String> series = new ArrayList<>(AssessedBy.values().length);
        for (AssessedBy a : AssessedBy.values()) {
            series.add(a.name());
        }
        boolean partlyUnknown = years.stream().anyMatch(y -> known(byYearAndAuthority, y)
                && byYearAndAuthority.group(Integer.toString(y), Codebook.UNKNOWN).isPresent());
        if (partlyUnknown) {
            series.add(Codebook.UNKNOWN);
        }
        List<Row> rows = new ArrayList<>();
        boolean any = false;
        int first = years.stream().filter(y -> known(byYearAndAuthority, y)).findFirst().orElse(years.get(0));
        for (int y : years) {
            if (y < first) {
                continue;
            }
            String year = Integer.toString(y);
            boolean known = known(byYearAndAuthority, y);
            any |= known;
            for (String s : series) {
                Integer count = known ? byYearAndAuthority.group(year, s).map(Group::count).orElse(0) : null;
                rows.add(new Row(List.of(new GroupKey(PersonDimension.ASSESSMENT_YEAR.name(), year),
                        new GroupKey(PersonDimension.ASSESSED_BY.name(), s)), count));
            }
        }
        return new FigureData("02", "2", Chart.GROUPED_COLUMNS, Unit.PERSONS,
                List.of(PersonDimension.ASSESSMENT_YEAR.name(), PersonDimension.ASSESSED_BY.name()),
                List.copyOf(rows), any ? Availability.DATA : Availability.NOT_AVAILABLE, byYearAndAuthority.total());
    }

    private static boolean known(Stats byYearAndAuthority, int year) {
        String y = Integer.toString(year);
        return byYearAndAuthority.groups().stream()
                .anyMatch(g -> g.key().get(0).code().equals(y) && !g.key().get(1).code().equals(Codebook.UNKNOWN));
    }

    /**
     * Figure 8: categories in the order of their own figure, series in code order; only series and categories that
     * occur. Cells are counts (zero where a known category has none of a known series).
     */
    static FigureData grouped(String id, PersonDimension category, PersonDimension series, Stats cross,
            Stats byCategory, Stats bySeries) {
        List<String> categories = bars("", category, byCategory, Order.BY_COUNT, true, Unit.PERSONS).rows()
                .stream().filter(r -> r.count() > 0).map(Row::code).toList();
        List<String> seriesCodes = bars("", series, bySeries, Order.BY_CODE, true, Unit.PERSONS).rows()
                .stream().filter(r -> r.count() > 0).map(Row::code).toList();
        List<Row> rows = new ArrayList<>();
        boolean known = false;
        for (String c : categories) {
            for (String s : seriesCodes) {
                int count = cross.group(c, s).map(Group::count).orElse(0);
                known |= count > 0 && !c.equals(Codebook.UNKNOWN) && !s.equals(Codebook.UNKNOWN);
                rows.add(new Row(List.of(new GroupKey(category.name(), c), new GroupKey(series.name(), s)), count));
            }
        }
        return new FigureData(id, number(id), Chart.GROUPED, Unit.PERSONS, List.of(category.name(), series.name()),
                List.copyOf(rows), known ? Availability.DATA : Availability.NOT_AVAILABLE, cross.total());
    }

    static String number(String id) {
        return id.replaceFirst("^0", "").replace('-', '.');
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
