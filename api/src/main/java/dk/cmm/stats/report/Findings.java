package dk.cmm.stats.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dk.cmm.stats.report.FigureData.Row;
import dk.cmm.stats.stats.Labels;

/**
 * The alt text of a chart ({@code <desc>}): what the figure shows, stated as a finding with its numbers ("Nigeria,
 * Rumænien og Thailand står for 62 % af ofrene"), not the title again.
 */
final class Findings {

    /** From this many rows on, a figure is told by its leading few ("Nigeria, Rumænien og Thailand står for …"). */
    static final int LONG_TAIL = 9;

    /** Dimensions in a natural order, told by their largest group rather than a leading few. */
    private static final java.util.Set<String> ORDINAL = java.util.Set.of("AGE_GROUP", "ASSESSMENT_YEAR");

    private Findings() {
    }

    static String describe(FigureData fig, Messages m, Formats f, Labels labels) {
        return switch (fig.chart()) {
            case COLUMNS -> series(fig, m, f);
            case GROUPED_COLUMNS -> byAuthority(fig, m, f, labels);
            case GROUPED -> grouped(fig, m, f, labels);
            case BARS -> bars(fig, m, f, labels);
        };
    }

    private static String label(FigureData fig, int dimension, String code, Messages m, Labels labels) {
        return labels.label(fig.dimensions().get(dimension), code, m.lang());
    }

    /** Figure 1: first and last known year, and the years that are not available. */
    private static String series(FigureData fig, Messages m, Formats f) {
        List<Row> known = fig.rows().stream().filter(r -> r.count() != null).toList();
        List<String> missing = fig.rows().stream().filter(r -> r.count() == null).map(Row::code).toList();
        List<String> sentences = new ArrayList<>();
        Row first = known.get(0);
        Row last = known.get(known.size() - 1);
        sentences.add(known.size() == 1
                ? m.format("desc.series.one", "year", last.code(), "n", f.integer(last.count()))
                : m.format("desc.series", "firstYear", first.code(), "first", f.integer(first.count()),
                        "lastYear", last.code(), "last", f.integer(last.count())));
        if (!missing.isEmpty()) {
            sentences.add(m.format("desc.series.missing", "years", years(missing, m)));
        }
        return String.join(" ", sentences);
    }

    /** Figure 2: the split of the latest year with a known split, and the years without one. */
    private static String byAuthority(FigureData fig, Messages m, Formats f, Labels labels) {
        List<String> known = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String year : fig.categories()) {
            (fig.count(year, fig.series().get(0)) == null ? missing : known).add(year);
        }
        List<String> sentences = new ArrayList<>();
        String latest = known.get(known.size() - 1);
        List<String> items = new ArrayList<>();
        for (String s : fig.series()) {
            items.add(m.format("text.item.count", "item", label(fig, 1, s, m, labels),
                    "n", f.integer(fig.count(latest, s))));
        }
        sentences.add(m.format("desc.authority", "year", latest, "list", m.list(items)));
        if (!missing.isEmpty()) {
            sentences.add(m.format("desc.authority.missing", "years", years(missing, m)));
        }
        return String.join(" ", sentences);
    }

    /** Figure 8: each category with its series counts, "prostitution: kvinder 45, mænd 0; …" (common nouns). */
    private static String grouped(FigureData fig, Messages m, Formats f, Labels labels) {
        List<String> parts = new ArrayList<>();
        for (String c : fig.categories()) {
            List<String> items = new ArrayList<>();
            for (String s : fig.series()) {
                items.add(m.format("desc.grouped.cell", "series", m.lower(label(fig, 1, s, m, labels)),
                        "n", f.integer(fig.count(c, s))));
            }
            parts.add(m.format("desc.grouped.item", "category", m.lower(label(fig, 0, c, m, labels)),
                    "list", String.join(", ", items)));
        }
        return m.capitalised(String.join("; ", parts)) + ".";
    }

    /** Years as a reader says them: "2009 og 2010", "2007–2011". */
    static String years(List<String> years, Messages m) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < years.size()) {
            int j = i;
            while (j + 1 < years.size() && Integer.parseInt(years.get(j + 1)) == Integer.parseInt(years.get(j)) + 1) {
                j++;
            }
            if (j - i >= 2) {
                parts.add(years.get(i) + "\u2013" + years.get(j));
            } else {
                for (int k = i; k <= j; k++) {
                    parts.add(years.get(k));
                }
            }
            i = j + 1;
        }
        return m.list(parts);
    }

    /** Bars: the leading few when they make up half or more of many, else the largest group and the next. */
    private static String bars(FigureData fig, Messages m, Formats f, Labels labels) {
        List<Row> known = fig.rows().stream().filter(r -> !r.unknown() && r.count() > 0)
                .sorted(Comparator.comparing(Row::count).reversed()).toList();
        int unknown = fig.rows().stream().filter(Row::unknown).mapToInt(Row::count).sum();
        int total = known.stream().mapToInt(Row::count).sum();
        String unit = m.get("desc.unit." + fig.unit());
        List<String> sentences = new ArrayList<>();
        int k = Prose.topCount(known.stream()
                .map(r -> new dk.cmm.stats.stats.Group(r.key(), r.count(), 0)).toList());
        int topSum = known.stream().limit(k).mapToInt(Row::count).sum();
        if (known.size() == 1) {
            sentences.add(m.format("desc.single", "label", label(fig, 0, known.get(0).code(), m, labels),
                    "n", f.integer(known.get(0).count()), "unit", unit));
        } else if (known.size() >= LONG_TAIL && k >= 2 && topSum * 2 >= total
                && !ORDINAL.contains(fig.dimensions().get(0))) {
            sentences.add(m.format("desc.top", "labels", m.list(known.subList(0, k).stream()
                    .map(r -> label(fig, 0, r.code(), m, labels)).toList()), "percent", f.percent(topSum, total),
                    "unit", unit, "n", f.integer(topSum), "total", f.integer(total)));
        } else if (!known.isEmpty()) {
            Row first = known.get(0);
            Row second = known.get(1);
            boolean tie = first.count().equals(second.count());
            sentences.add(m.format(tie ? "desc.largest.tie" : "desc.largest",
                    "label", label(fig, 0, first.code(), m, labels), "n", f.integer(first.count()),
                    "total", f.integer(total), "percent", f.percent(first.count(), total),
                    "next", label(fig, 0, second.code(), m, labels), "nextN", f.integer(second.count())));
        }
        if (unknown > 0) {
            sentences.add(m.format("desc.unknown", "n", f.integer(unknown)));
        }
        return String.join(" ", sentences);
    }
}
