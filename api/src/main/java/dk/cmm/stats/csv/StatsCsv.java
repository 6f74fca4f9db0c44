package dk.cmm.stats.csv;

import dk.cmm.stats.stats.AnswerGroup;
import dk.cmm.stats.stats.StatsAnswer;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.stats.OutreachRow;
import dk.cmm.stats.stats.Dimension;
import dk.cmm.stats.stats.GroupKey;
import dk.cmm.stats.stats.Labels;
import dk.cmm.stats.stats.NumericSummary;

/**
 * Writes breakdowns as CSV (RFC 4180): a header row, then per group one code column and one label column per
 * dimension ({@code GENDER}, {@code GENDER_LABEL}), then the figures. Header names are stable across languages;
 * labels are in the language asked for.
 */
@Component
class StatsCsv {

    private final Labels labels;

    StatsCsv(Labels labels) {
        this.labels = labels;
    }

    /**
     * {@code count} and {@code share} (0..1) per group; without dimensions one row with the total. For callers without
     * a token ({@code public}) the columns {@code suppressed}, {@code noisy} (the count is an estimate of the noisy
     * layer), {@code margin} (its 90 % half-width) and {@code reason} (why a count is empty: WITHHELD, NO_DATA,
     * NOT_PUBLISHED), with count and share empty where there is no count.
     */
    String breakdown(StatsAnswer stats, List<? extends Dimension> groupBy, Lang lang, boolean forPublic) {
        List<String> header = keyHeader(groupBy);
        header.addAll(List.of("count", "share"));
        if (forPublic) {
            header.addAll(List.of("suppressed", "noisy", "margin", "reason"));
        }
        List<List<Object>> rows = new ArrayList<>();
        if (groupBy.isEmpty()) {
            Integer total = stats.total();
            List<Object> row = new ArrayList<>(java.util.Arrays.asList(total,
                    total == null ? null : total == 0 ? 0.0 : 1.0));
            if (forPublic) {
                row.addAll(java.util.Arrays.asList(AnswerGroup.WITHHELD.equals(stats.totalReason()),
                        stats.totalNoisy(), stats.totalMargin(), stats.totalReason()));
            }
            rows.add(row);
        }
        for (AnswerGroup group : stats.groups()) {
            List<Object> row = keyCells(group.key(), lang);
            row.add(group.count());
            row.add(group.share());
            if (forPublic) {
                row.addAll(java.util.Arrays.asList(group.suppressed(), group.noisy(), group.margin(), group.reason()));
            }
            rows.add(row);
        }
        return write(header, rows);
    }

    private static List<String> outreachHeader(List<? extends Dimension> groupBy) {
        List<String> header = keyHeader(groupBy);
        header.addAll(List.of("activities", "contacts", "uniquePersons", "newPersons", "observed", "observedNew",
                "nationalities", "healthServiceUses", "abortionReferrals", "activeWeeks",
                "contactsPerActivityMean", "contactsPerActivityMin", "contactsPerActivityMax",
                "healthUsesPerPersonMean", "healthUsesPerPersonMin", "healthUsesPerPersonMax", "assessedTrafficked"));
        return header;
    }

    /**
     * Every outreach metric per row; means, minima and maxima of the summaries, empty where there is none. For
     * callers without a token a {@code suppressed} column, and withheld person counts empty.
     */
    String outreach(List<OutreachRow> outreachRows, List<? extends Dimension> groupBy, Lang lang,
            boolean withSuppressedColumn) {
        List<String> header = outreachHeader(groupBy);
        if (withSuppressedColumn) {
            header.add("suppressed");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (OutreachRow r : outreachRows) {
            List<Object> row = keyCells(r.key(), lang);
            row.addAll(java.util.Arrays.asList(r.activities(), r.contacts(), r.uniquePersons(), r.newPersons(),
                    r.observed(), r.observedNew(), r.nationalities(), r.healthServiceUses(), r.abortionReferrals(),
                    r.activeWeeks()));
            summary(row, r.contactsPerActivity());
            summary(row, r.healthUsesPerPerson());
            row.add(r.assessedTrafficked());
            if (withSuppressedColumn) {
                row.add(r.suppressed());
            }
            rows.add(row);
        }
        return write(header, rows);
    }

    private static List<String> keyHeader(List<? extends Dimension> groupBy) {
        List<String> header = new ArrayList<>();
        for (Dimension dimension : groupBy) {
            header.add(dimension.name());
            header.add(dimension.name() + "_LABEL");
        }
        return header;
    }

    private List<Object> keyCells(List<GroupKey> key, Lang lang) {
        List<Object> cells = new ArrayList<>();
        for (GroupKey part : key) {
            cells.add(part.code());
            cells.add(labels.label(part, lang));
        }
        return cells;
    }

    private static void summary(List<Object> row, NumericSummary summary) {
        row.add(summary == null ? null : summary.mean());
        row.add(summary == null ? null : summary.min());
        row.add(summary == null ? null : summary.max());
    }

    private static String write(List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).setNullString("")
                .get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(StatsCsv::cell));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Numbers in plain notation with a decimal point (never 1.0E-4), whatever the server's locale. */
    private static Object cell(Object value) {
        return value instanceof Double d ? BigDecimal.valueOf(d).toPlainString() : value;
    }
}
