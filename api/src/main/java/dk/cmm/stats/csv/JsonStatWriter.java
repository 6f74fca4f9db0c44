package dk.cmm.stats.csv;

import static dk.cmm.stats.csv.JsonStatStatus.ESTIMATED;
import static dk.cmm.stats.csv.JsonStatStatus.NOT_APPLICABLE;
import static dk.cmm.stats.csv.JsonStatStatus.NO_DATA;
import static dk.cmm.stats.csv.JsonStatStatus.NO_SHARE;
import static dk.cmm.stats.csv.JsonStatStatus.WITHHELD;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.disclosure.PublicStatistics.Audience;
import dk.cmm.stats.disclosure.Release;
import dk.cmm.stats.disclosure.ReleaseBuilder;
import dk.cmm.stats.disclosure.Releases;
import dk.cmm.stats.stats.AnswerGroup;
import dk.cmm.stats.stats.Dimension;
import dk.cmm.stats.stats.GroupKey;
import dk.cmm.stats.stats.Labels;
import dk.cmm.stats.stats.OutreachRow;
import dk.cmm.stats.stats.StatsAnswer;

/**
 * Writes an answer of {@link dk.cmm.stats.disclosure.PublicStatistics} as a JSON-stat 2.0 dataset, the format of
 * Statistics Denmark, PxWeb and Eurostat, which R ({@code rjstat}), Python ({@code pyjstat}) and JavaScript
 * ({@code jsonstat-toolkit}) read directly.
 *
 * <p>The cube is dense: one value for every combination of the categories, with the groupBy dimensions first and a
 * metric dimension {@code measure} last ({@code count}, {@code share}; or the outreach metrics). The categories of a
 * dimension are the codes the answer names. An answer lists every non-empty group it determines, so a combination
 * it does not list is a true 0; a group without a count is {@code null} with a status code saying why
 * ({@link JsonStatStatus}), never 0. Nothing here computes a number: every value is one the answer holds. The
 * cube's layout is {@link JsonStatCube}'s, the metrics {@link JsonStatMeasure}'s.
 */
@Component
class JsonStatWriter {

    static final String MEASURE = "measure";

    private static final Set<String> TIME = Set.of("ASSESSMENT_YEAR", "OUTCOME_YEAR", "YEAR");
    private static final Set<String> GEO = Set.of("NATIONALITY", "REGION", "CITY");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Labels labels;
    private final Releases releases;

    JsonStatWriter(Labels labels, Releases releases) {
        this.labels = labels;
        this.releases = releases;
    }

    /** What the dataset says about itself: the subject, language, audience, and the addresses of it and its CSV. */
    record Context(String subject, Lang lang, Audience audience, String href, String csvHref, String methodHref,
            List<Integer> filterYears) {
    }

    /** A person or hotline breakdown: count and share per group (the total alone without groupBy). */
    ObjectNode breakdown(Context context, StatsAnswer answer, List<? extends Dimension> groupBy) {
        return breakdown(context, answer, groupBy, List.of());
    }

    /**
     * A breakdown with the years a one-way year question called "no data" ({@code noData}, keys of the year
     * dimension): a cross-tab lists no group for them, so they are added as categories whose cells are null with
     * status m, never 0.
     */
    ObjectNode breakdown(Context context, StatsAnswer answer, List<? extends Dimension> groupBy,
            List<GroupKey> noData) {
        List<List<GroupKey>> keys = new ArrayList<>(answer.groups().stream().map(AnswerGroup::key).toList());
        int yearAt = noData.isEmpty() ? -1 : positionOf(groupBy, noData.get(0).dimension());
        Set<String> noDataYears = new HashSet<>();
        if (yearAt >= 0 && !keys.isEmpty()) {
            for (GroupKey year : noData) {
                List<GroupKey> key = new ArrayList<>(keys.get(0));
                key.set(yearAt, year);
                keys.add(key);
                noDataYears.add(year.code());
            }
        }
        JsonStatCube cube = JsonStatCube.of(groupBy, keys);
        int metrics = 2;
        int cells = cube.cells() * metrics;
        Object[] value = new Object[cells];
        String[] status = new String[cells];
        Integer total = answer.total();
        Map<Integer, Integer> margins = new java.util.TreeMap<>();
        if (groupBy.isEmpty()) {
            value[0] = total;
            value[1] = total == null ? null : total == 0 ? 0.0 : 1.0;
            status[0] = total == null ? JsonStatStatus.of(answer.totalReason()) : answer.totalNoisy() ? ESTIMATED : null;
            status[1] = total == null ? status[0] : null;
            if (answer.totalNoisy()) {
                margins.put(0, answer.totalMargin());
            }
        } else {
            // a combination the answer does not list is a true 0; its share is 0 of a known total
            for (int cell = 0; cell < cells; cell += metrics) {
                value[cell] = 0;
                value[cell + 1] = total == null ? null : 0.0;
                status[cell + 1] = total == null ? NO_SHARE : null;
                if (yearAt >= 0 && noDataYears.contains(cube.codeAt(cell / metrics, yearAt))) {
                    value[cell] = null;
                    value[cell + 1] = null;
                    status[cell] = NO_DATA;
                    status[cell + 1] = NO_DATA;
                }
            }
            for (AnswerGroup group : answer.groups()) {
                int cell = cube.index(group.key()) * metrics;
                value[cell] = group.count();
                value[cell + 1] = group.share();
                status[cell] = group.count() == null ? JsonStatStatus.of(group.reason()) : group.noisy() ? ESTIMATED : null;
                status[cell + 1] = group.share() != null ? (group.noisy() || answer.totalNoisy() ? ESTIMATED : null)
                        : group.count() == null ? status[cell] : NO_SHARE;
                if (group.noisy()) {
                    margins.put(cell, group.margin());
                }
            }
        }
        ObjectNode dataset = dataset(context, groupBy, cube, JsonStatMeasure.breakdown("persons".equals(
                context.subject())), value, status, years(context, groupBy,
                answer.groups().stream().map(AnswerGroup::key).toList()));
        ObjectNode extension = (ObjectNode) dataset.get("extension");
        extension.put("total", total);
        if (answer.totalNoisy()) {
            extension.put("totalMargin", answer.totalMargin());
        }
        if (!margins.isEmpty()) {
            // the 90 % half-width of each estimate (status e), by value index: what the table builder shows as ±
            ObjectNode margin = extension.putObject("margin");
            margins.forEach((index, m) -> margin.put(String.valueOf(index), m));
        }
        return dataset;
    }

    /** An outreach answer: every metric per row, as in the CSV. */
    ObjectNode outreach(Context context, List<OutreachRow> rows, List<? extends Dimension> groupBy) {
        JsonStatCube cube = JsonStatCube.of(groupBy, rows.stream().map(OutreachRow::key).toList());
        List<JsonStatMeasure.Outreach> metrics = JsonStatMeasure.Outreach.ALL;
        int cells = cube.cells() * metrics.size();
        Object[] value = new Object[cells];
        String[] status = new String[cells];
        // a row the answer does not have is a group without activities: its counts are 0, its means do not apply
        for (int cell = 0; cell < cells; cell++) {
            JsonStatMeasure.Outreach metric = metrics.get(cell % metrics.size());
            value[cell] = metric.summary() ? null : 0;
            status[cell] = metric.summary() ? NOT_APPLICABLE : null;
        }
        for (OutreachRow row : rows) {
            int first = cube.index(row.key()) * metrics.size();
            for (int m = 0; m < metrics.size(); m++) {
                Number v = metrics.get(m).value().apply(row);
                value[first + m] = v;
                status[first + m] = v != null ? null
                        : metrics.get(m).persons() && row.suppressed() ? WITHHELD : NOT_APPLICABLE;
            }
        }
        List<JsonStatMeasure> measure = metrics.stream().map(JsonStatMeasure.Outreach::measure).toList();
        return dataset(context, groupBy, cube, measure, value, status,
                years(context, groupBy, rows.stream().map(OutreachRow::key).toList()));
    }

    private static int positionOf(List<? extends Dimension> groupBy, String dimension) {
        for (int i = 0; i < groupBy.size(); i++) {
            if (groupBy.get(i).name().equals(dimension)) {
                return i;
            }
        }
        return -1;
    }

    private ObjectNode dataset(Context context, List<? extends Dimension> groupBy, JsonStatCube cube,
            List<JsonStatMeasure> measure, Object[] value, String[] status, List<Integer> years) {
        List<List<String>> codes = cube.codes();
        Lang lang = context.lang();
        boolean da = lang == Lang.DA;
        ObjectNode dataset = NODES.objectNode();
        dataset.put("version", "2.0");
        dataset.put("class", "dataset");
        dataset.put("href", context.href());
        dataset.put("label", title(context.subject(), da));
        dataset.put("source", da ? "Center mod Menneskehandel" : "Danish Centre against Human Trafficking");
        List<Release> used = context.audience() == Audience.PUBLIC ? releasesOf(context.subject(), years) : List.of();
        dataset.put("updated", used.stream().map(Release::publishedAt).max(Instant::compareTo).orElse(Instant.now())
                .toString());

        ArrayNode id = dataset.putArray("id");
        ArrayNode size = dataset.putArray("size");
        ObjectNode dimensions = NODES.objectNode();
        ObjectNode role = NODES.objectNode();
        for (int i = 0; i < groupBy.size(); i++) {
            String name = groupBy.get(i).name();
            id.add(name);
            size.add(codes.get(i).size());
            ObjectNode dimension = dimensions.putObject(name);
            dimension.put("label", labels.dimensionLabel(name, lang));
            ObjectNode category = dimension.putObject("category");
            ArrayNode index = category.putArray("index");
            ObjectNode label = category.putObject("label");
            for (String code : codes.get(i)) {
                index.add(code);
                label.put(code, labels.label(name, code, lang));
            }
            String r = TIME.contains(name) ? "time" : GEO.contains(name) ? "geo" : null;
            if (r != null) {
                (role.has(r) ? (ArrayNode) role.get(r) : role.putArray(r)).add(name);
            }
        }
        id.add(MEASURE);
        size.add(measure.size());
        ObjectNode metric = dimensions.putObject(MEASURE);
        metric.put("label", da ? "Mål" : "Measure");
        ObjectNode category = metric.putObject("category");
        ArrayNode index = category.putArray("index");
        ObjectNode label = category.putObject("label");
        ObjectNode unit = category.putObject("unit");
        for (JsonStatMeasure m : measure) {
            index.add(m.id());
            label.put(m.id(), da ? m.da() : m.en());
            ObjectNode u = unit.putObject(m.id());
            u.put("decimals", m.decimals());
            u.put("label", da ? m.unitDa() : m.unitEn());
        }
        role.putArray("metric").add(MEASURE);
        dataset.set("role", role);
        dataset.set("dimension", dimensions);

        ArrayNode values = dataset.putArray("value");
        ObjectNode statuses = NODES.objectNode();
        Set<String> usedCodes = new TreeSet<>();
        for (int i = 0; i < value.length; i++) {
            Object v = value[i];
            if (v == null) {
                values.addNull();
            } else if (v instanceof Integer n) {
                values.add(n);
            } else {
                values.add(((Number) v).doubleValue());
            }
            if (status[i] != null) {
                statuses.put(String.valueOf(i), status[i]);
                usedCodes.add(status[i]);
            }
        }
        if (!statuses.isEmpty()) {
            dataset.set("status", statuses);
        }

        ArrayNode note = dataset.putArray("note");
        notes(context, da).forEach(note::add);
        ObjectNode link = dataset.putObject("link");
        ObjectNode csv = link.putArray("alternate").addObject();
        csv.put("type", "text/csv");
        csv.put("href", context.csvHref());
        ObjectNode method = link.putArray("describedby").addObject();
        method.put("type", "text/html");
        method.put("href", context.methodHref());
        method.put("label", da ? "Tabelbyggeren og metoden" : "The table builder and the method");

        ObjectNode extension = dataset.putObject("extension");
        extension.put("lang", lang.name().toLowerCase(Locale.ROOT));
        extension.put("audience", context.audience().name());
        ObjectNode source = extension.putObject("source");
        source.put("name", "Center mod Menneskehandel");
        source.put("nameEn", "Danish Centre against Human Trafficking");
        ObjectNode methodExt = extension.putObject("method");
        methodExt.put("href", context.methodHref());
        methodExt.put("readme", "docs/disclosure.md, section \"Disclosure control (callers without a token)\"");
        if (context.audience() == Audience.PUBLIC) {
            ArrayNode release = extension.putArray("release");
            for (Release r : used) {
                ObjectNode one = release.addObject();
                one.put("year", r.year());
                one.put("revision", r.revision());
                one.put("publishedAt", r.publishedAt().toString());
            }
            if ("outreach".equals(context.subject())) {
                years.forEach(y -> release.addObject().put("year", y));
            }
        } else {
            extension.putNull("release");
            extension.put("live", true);
        }
        ObjectNode statusExt = extension.putObject("status");
        ObjectNode statusLabels = statusExt.putObject("label");
        JsonStatStatus.labels(lang).forEach(statusLabels::put);
        statusExt.putArray("used").addAll(usedCodes.stream().map(NODES::stringNode).toList());
        return dataset;
    }

    private static String title(String subject, boolean da) {
        return switch (subject) {
            case "persons" -> da ? "Personer vurderet som ofre for menneskehandel"
                    : "Persons assessed as victims of human trafficking";
            case "hotline" -> da ? "Opkald til hotline" : "Hotline calls";
            default -> da ? "Opsøgende arbejde" : "Outreach activities";
        };
    }

    private static List<String> notes(Context context, boolean da) {
        List<String> notes = new ArrayList<>();
        if (context.audience() == Audience.PUBLIC) {
            notes.add(da ? "Uden API-nøgle: tallene er summer af de offentliggjorte, beskyttede tabeller for hvert år "
                    + "(se extension.release). Et tal, de ikke bestemmer, er tilbageholdt: value null med status c."
                    : "Without an API token: the numbers are sums of the published, protected tables of each year "
                            + "(see extension.release). A number they do not determine is withheld: value null "
                            + "with status c.");
        } else {
            notes.add(da ? "Med API-nøgle: eksakte tal fra de aktuelle data (ikke en offentliggjort udgivelse)."
                    : "With an API token: exact numbers from the current data (not a published release).");
        }
        notes.add(da ? "En kombination uden registreringer er 0. En værdi er null kun med en statuskode, der siger "
                + "hvorfor (extension.status.label): c tilbageholdt, m ingen data for året, u året er ikke "
                + "offentliggjort, s andelen kan ikke gives, z ikke relevant. Et år uden data er aldrig 0. "
                + "Status e: et skøn (det sande tal plus en lille tilfældig ændring, tilpasset de eksakte totaler; "
                + "et skøn under 5 kan være 0), med sin 90 %-margen i extension.margin."
                : "A combination without records is 0. A value is null only with a status code saying why "
                        + "(extension.status.label): c withheld, m no data for the year, u the year is not "
                        + "published, s the share cannot be given, z not applicable. A year without data is never 0. "
                        + "Status e: an estimate (the true count plus a small random change, adjusted to the exact "
                        + "totals; an estimate under 5 could be 0), with its 90 % margin in extension.margin.");
        notes.add(da ? "Metode og diskretionskontrol: " + context.methodHref()
                + " og docs/disclosure.md, afsnittet \"Disclosure control (callers without a token)\"."
                : "Method and disclosure control: " + context.methodHref()
                        + " and docs/disclosure.md, section \"Disclosure control (callers without a token)\".");
        return notes;
    }

    /** The years a dataset covers: its year categories, else the filter's years, else every published year. */
    private List<Integer> years(Context context, List<? extends Dimension> groupBy, List<List<GroupKey>> keys) {
        Set<Integer> years = new TreeSet<>();
        for (int i = 0; i < groupBy.size(); i++) {
            if (TIME.contains(groupBy.get(i).name()) && !"OUTCOME_YEAR".equals(groupBy.get(i).name())) {
                for (List<GroupKey> key : keys) {
                    Integer year = key.get(i).year();
                    if (year != null) {
                        years.add(year);
                    }
                }
                return List.copyOf(years);
            }
        }
        if (context.filterYears() != null) {
            return List.copyOf(new TreeSet<>(context.filterYears()));
        }
        if ("outreach".equals(context.subject())) {
            return List.of();
        }
        return List.copyOf(releases.latest(releaseSubject(context.subject())).keySet().stream().sorted().toList());
    }

    private List<Release> releasesOf(String subject, List<Integer> years) {
        if ("outreach".equals(subject)) {
            return List.of();
        }
        Map<Integer, Release> latest = releases.latest(releaseSubject(subject));
        return years.stream().map(latest::get).filter(Objects::nonNull).toList();
    }

    private static String releaseSubject(String subject) {
        return "hotline".equals(subject) ? ReleaseBuilder.HOTLINE : ReleaseBuilder.PERSONS;
    }
}
