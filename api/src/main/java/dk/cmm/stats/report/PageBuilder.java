package dk.cmm.stats.report;

import java.util.ArrayList;
import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.codebook.Gender;
import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.codebook.ProgrammeKind;
import dk.cmm.stats.outreach.Programme;
import dk.cmm.stats.report.FigureData.Availability;
import dk.cmm.stats.report.FigureData.Chart;
import dk.cmm.stats.stats.GroupKey;
import dk.cmm.stats.stats.Labels;
import dk.cmm.stats.stats.OutreachRow;
import dk.cmm.stats.stats.PersonDimension;
import dk.cmm.stats.stats.Stats;
import dk.cmm.stats.yearnote.YearNote;

/** Builds one language's {@link Page} from a year's {@link YearReport}: labels, figures, narrative, method. */
final class PageBuilder {

    private static final Set<ProgrammeKind> OPENING_DAYS = Set.of(ProgrammeKind.MEETING_PLACE, ProgrammeKind.DROP_IN);

    private final YearReport data;
    private final Messages m;
    private final Formats f;
    private final Labels labels;
    private final String year;
    private final String root; // from the page to the year folder: "" or "../"

    PageBuilder(YearReport data, Messages messages, Labels labels) {
        this.data = data;
        this.m = messages;
        this.f = new Formats(messages.lang());
        this.labels = labels;
        this.year = Integer.toString(data.year());
        this.root = messages.lang() == Lang.DA ? "" : "../";
    }

    /** The page's path inside the year folder. */
    static String pagePath(Lang lang) {
        return lang == Lang.DA ? "index.html" : lang.tag() + "/index.html";
    }

    Page build(Set<Lang> languages) {
        Lang lang = m.lang();
        Lang other = lang == Lang.DA ? Lang.EN : Lang.DA;
        boolean otherExported = languages.contains(other);
        Page.Links links = new Page.Links(root + "assets/report.css", root + "assets/print.css",
                other.tag(), otherExported ? (lang == Lang.DA ? "" : "../") + pagePath(other) : null,
                root + "../index.html", root + "data/" + ReportFiles.OUTREACH_CSV,
                root + "data/" + ReportFiles.SUMMARY);
        YearNote note = data.note();
        Map<String, Page.Figure> figures = new LinkedHashMap<>();
        data.figures().values().stream().sorted(Comparator.comparing(FigureData::id))
                .forEach(fig -> figures.put(fig.id(), figure(fig)));
        return new Page(lang.tag(), data.year(), m.all(), links, m.format("site.title", "year", year),
                m.format("site.htmlTitle", "year", year),
                note != null && note.cutOffDate() != null
                        ? m.format("site.cutOff", "date", f.date(note.cutOffDate()))
                        : m.format("site.cutOff.none", "year", year),
                note != null && note.reconstructed(), keyFigures(), data.text(new Prose(data.year(), m, labels)), figures,
                programmes(), method(), totalOnly());
    }

    /** The figures whose known persons tell how much a year's records say beyond their year. */
    private static final List<String> ATTRIBUTE_FIGURES = List.of("03", "04", "06", "09", "10");

    /**
     * The sentence of a short page, or null for a full report: a year is "total only" when no attribute (contact
     * channel, region, exploitation, age, status) is known for as many as half of its persons, as for the years
     * before 2012, whose records hold a published total and the odd fact.
     */
    String totalOnly() {
        int total = data.total();
        int known = ATTRIBUTE_FIGURES.stream().map(id -> data.figures().get(id)).filter(java.util.Objects::nonNull)
                .mapToInt(fig -> fig.rows().stream().filter(r -> !r.unknown() && r.count() != null)
                        .mapToInt(FigureData.Row::count).sum())
                .max().orElse(0);
        if (total == 0 || 2 * known >= total) {
            return null;
        }
        String sentence = known == 0 ? m.format("short.nothing", "year", year, "persons", f.integer(total))
                : m.format("short.little", "year", year, "persons", f.integer(total), "known", f.integer(known));
        boolean otherWork = data.otherWork().byCaller().total() > 0 || !data.outreach().isEmpty();
        return otherWork ? sentence : sentence + " " + m.format("short.noOtherWork", "year", year);
    }

    private String label(String dimension, String code) {
        return labels.label(dimension, code, m.lang());
    }

    // Figures

    private Page.Figure figure(FigureData fig) {
        List<Integer> years = data.figure("01").rows().stream().map(r -> Integer.parseInt(r.code())).toList();
        // figure 2 starts at the first year whose records say who assessed them
        String from = fig.id().equals("02") && !fig.categories().isEmpty() ? fig.categories().get(0)
                : years.get(0).toString();
        String to = years.get(years.size() - 1).toString();
        String title = m.format("fig." + fig.id() + ".title" + (from.equals(to) && m.has("fig." + fig.id()
                + ".title.one") ? ".one" : ""), "year", year, "from", from, "to", to);
        List<Page.Series> series = new ArrayList<>();
        List<Page.Row> rows = new ArrayList<>();
        int max = fig.rows().stream().filter(r -> r.count() != null).mapToInt(FigureData.Row::count).max().orElse(0);
        if (fig.chart().grouped()) {
            List<String> seriesCodes = fig.series();
            for (String s : seriesCodes) {
                series.add(new Page.Series(label(fig.dimensions().get(1), s), Codebook.UNKNOWN.equals(s)));
            }
            for (String c : fig.categories()) {
                List<Page.Cell> cells = new ArrayList<>();
                for (int i = 0; i < seriesCodes.size(); i++) {
                    String s = seriesCodes.get(i);
                    cells.add(cell(fig.count(c, s), max, i, Codebook.UNKNOWN.equals(s)));
                }
                rows.add(new Page.Row(c, label(fig.dimensions().get(0), c), Codebook.UNKNOWN.equals(c),
                        List.copyOf(cells)));
            }
        } else {
            for (FigureData.Row r : inReadingOrder(fig)) {
                rows.add(new Page.Row(r.code(), label(fig.dimensions().get(0), r.code()), r.unknown(),
                        List.of(cell(r.count(), max, 0, r.unknown()))));
            }
        }
        String availability = switch (fig.availability()) {
            case DATA -> "data";
            case EMPTY -> "empty";
            case NOT_AVAILABLE -> "not-available";
        };
        String message = switch (fig.availability()) {
            case DATA -> null;
            case EMPTY -> m.format("figure.empty." + fig.unit(), "year", year);
            case NOT_AVAILABLE -> m.format("figure.notAvailable", "year", year);
        };
        String source = m.format(fig.unit() == FigureData.Unit.CALLS ? "figure.source.calls"
                : fig.id().equals("01") || fig.id().equals("02") ? "figure.source.series" : "figure.source.persons",
                "year", year, "from", from, "to", years.get(years.size() - 1));
        if (fig.id().equals("02") && !from.equals(years.get(0).toString())) {
            source = source + " " + m.format("fig.02.from", "from", from);
        }
        if (data.note() != null && data.note().reconstructed()) {
            source = source + " " + m.get("figure.source.reconstructed");
        }
        return new Page.Figure(fig.id(), "fig-" + fig.id(), fig.number(),
                m.format("figure.label", "number", fig.number()), title,
                message != null ? message : Findings.describe(fig, m, f, labels),
                fig.chart().css(), availability, message, List.copyOf(series),
                List.copyOf(rows), fig.chart() == Chart.BARS && fig.availability() == Availability.DATA
                        ? f.integer(fig.rows().stream().mapToInt(FigureData.Row::count).sum()) : null,
                labels.dimensionLabel(fig.dimensions().get(0), m.lang()),
                m.get("unit." + fig.unit() + ".header"), source, root + "data/" + fig.csvFile(), fig.csvFile());
    }

    /**
     * The rows as a reader of this language expects them: countries with the same count by their name in the page's
     * language (by ISO code they read as unsorted: "Iraq" before "Iran"); every other figure as built.
     */
    private List<FigureData.Row> inReadingOrder(FigureData fig) {
        String dimension = fig.dimensions().get(0);
        if (!PersonDimension.NATIONALITY.name().equals(dimension)) {
            return fig.rows();
        }
        Collator collator = Collator.getInstance(m.locale());
        List<FigureData.Row> rows = new ArrayList<>(fig.rows());
        rows.sort(Comparator.comparing(FigureData.Row::unknown)
                .thenComparing(Comparator.comparing((FigureData.Row r) -> r.count() == null ? -1 : r.count()).reversed())
                .thenComparing(r -> label(dimension, r.code()), collator));
        return rows;
    }

    private Page.Cell cell(Integer value, int max, int series, boolean unknown) {
        double fraction = value == null || max == 0 ? 0 : Math.round(10000.0 * value / max) / 10000.0;
        return new Page.Cell(value, value == null ? m.get("chart.notAvailable") : f.integer(value), fraction, series,
                unknown);
    }

    // Key figures

    private List<Page.KeyFigure> keyFigures() {
        List<Page.KeyFigure> figures = new ArrayList<>();
        Stats byNationality = data.nationality().byNationality();
        Stats byGender = data.gender().byGender();
        // a key figure is a number: one that is not available is left out, not boxed as "not available"
        figures.add(new Page.KeyFigure(f.integer(data.total()), m.get("keyfig.assessed")));
        long countries = byNationality.groups().stream().filter(g -> !g.code().equals(Codebook.UNKNOWN))
                .count();
        boolean nationalityKnown = byNationality.count(Codebook.UNKNOWN) == 0;
        if (countries > 0 && nationalityKnown) {
            figures.add(new Page.KeyFigure(f.integer(countries), m.get("keyfig.nationalities")));
        }
        int women = Prose.count(byGender, Gender.FEMALE);
        boolean genderKnown = byGender.count(Codebook.UNKNOWN) == 0;
        if (genderKnown && data.total() > 0) {
            figures.add(new Page.KeyFigure(f.percent(women, data.total()), m.get("keyfig.women")));
        }
        int calls = data.otherWork().byCaller().total();
        if (calls > 0) {
            figures.add(new Page.KeyFigure(f.integer(calls), m.get("keyfig.hotline")));
        }
        return List.copyOf(figures);
    }

    // Outreach programmes

    private List<Page.ProgrammeBlock> programmes() {
        List<Page.ProgrammeBlock> blocks = new ArrayList<>();
        for (YearReport.Programmed p : data.outreach()) {
            Programme programme = p.programme();
            OutreachRow r = p.metrics();
            ProgrammeKind kind = programme.kind() == null ? ProgrammeKind.OTHER : programme.kind();
            List<Page.Metric> metrics = new ArrayList<>();
            metric(metrics, "activities", m.get("outreach.activities." + kind), f.integer(r.activities()));
            if (r.observed() > 0) {
                metric(metrics, "observed", m.get("outreach.observed"), f.integer(r.observed()));
                metric(metrics, "observedNew", m.get("outreach.observedNew"), f.integer(r.observedNew()));
            }
            if (r.contacts() > 0) {
                metric(metrics, "contacts", m.get("outreach.contacts." + kind), f.integer(r.contacts()));
            }
            if (r.uniquePersons() != null) {
                metric(metrics, "uniquePersons", m.get("outreach.uniquePersons"), f.integer(r.uniquePersons()));
            }
            if (r.newPersons() > 0) {
                metric(metrics, "newPersons", m.get("outreach.newPersons"), f.integer(r.newPersons()));
            }
            if (r.nationalities() > 0) {
                metric(metrics, "nationalities", m.get("outreach.nationalities"), f.integer(r.nationalities()));
            }
            boolean openingDays = OPENING_DAYS.contains(kind);
            if (openingDays && r.contacts() > 0 && r.contactsPerActivity().count() > 0) {
                metric(metrics, "perDay", m.get("outreach.perDay"),
                        f.range(r.contactsPerActivity().min(), r.contactsPerActivity().max()));
                metric(metrics, "perDayMean", m.get("outreach.perDayMean"), f.rounded(r.contactsPerActivity().mean()));
            }
            if (openingDays && r.contacts() > 0 && r.activeWeeks() > 0) {
                metric(metrics, "perWeek", m.get("outreach.perWeek"),
                        f.rounded((double) r.contacts() / r.activeWeeks()));
            }
            if (r.healthServiceUses() > 0) {
                metric(metrics, "health", m.get("outreach.health." + kind), f.integer(r.healthServiceUses()));
                if (openingDays && r.activities() > 0) {
                    metric(metrics, "healthPerDay", m.get("outreach.healthPerDay"),
                            f.decimal((double) r.healthServiceUses() / r.activities()));
                }
                if (r.healthUsesPerPerson() != null && r.healthUsesPerPerson().count() > 0
                        && r.healthUsesPerPerson().max() > 1) {
                    metric(metrics, "healthPerPerson", m.get("outreach.healthPerPerson"),
                            f.range(r.healthUsesPerPerson().min(), r.healthUsesPerPerson().max()));
                }
            }
            if (r.abortionReferrals() > 0) {
                metric(metrics, "abortions", m.get("outreach.abortions"), f.integer(r.abortionReferrals()));
            }
            metric(metrics, "assessed", m.get("outreach.assessed"), f.integer(r.assessedTrafficked()));
            List<String> about = new ArrayList<>();
            about.add(labels.label(new GroupKey("PROGRAMME_KIND", kind.name()), m.lang()));
            if (programme.city() != null) {
                // a city as the page's language names it ("København" is "Copenhagen" in English)
                about.add(m.has("city." + programme.city()) ? m.get("city." + programme.city()) : programme.city());
            }
            if (programme.operator() != null) {
                about.add(m.format("outreach.operator", "operator", programme.operator()));
            }
            blocks.add(new Page.ProgrammeBlock(programme.code(), "programme-" + programme.code().toLowerCase(
                    java.util.Locale.ROOT).replace('_', '-'), programme.name(m.lang()), String.join(" · ", about),
                    List.copyOf(metrics)));
        }
        return List.copyOf(blocks);
    }

    private static void metric(List<Page.Metric> metrics, String key, String label, String value) {
        metrics.add(new Page.Metric(key, label, value));
    }

    // Method note

    private List<String> method() {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(m.get("method.sources"));
        paragraphs.add(m.get("method.assessed"));
        YearNote note = data.note();
        String contacts = note != null && note.note(m.lang()) != null && !note.note(m.lang()).isBlank()
                ? note.note(m.lang()) : m.get("text.contacts.footnote");
        paragraphs.add(contacts);
        List<String> missing = data.figure("01").rows().stream().filter(r -> r.count() == null)
                .map(FigureData.Row::code).toList();
        paragraphs.add(missing.isEmpty() ? m.get("method.unknown")
                : m.get("method.unknown") + " " + m.format("method.unknown.years", "years",
                        Findings.years(missing, m)));
        paragraphs.add(note != null && note.cutOffDate() != null
                ? m.format("method.status", "date", f.date(note.cutOffDate()), "year", year)
                : m.format("method.status.noDate", "year", year));
        paragraphs.add(m.get("method.shares"));
        if (note != null && note.reconstructed()) {
            paragraphs.add(m.format("method.reconstructed", "year", year));
        }
        return List.copyOf(paragraphs);
    }

    static boolean hasData(FigureData fig) {
        return fig.availability() == Availability.DATA;
    }
}
