package dk.cmm.stats.csv;

import dk.cmm.stats.disclosure.ProtectedGroup;
import dk.cmm.stats.disclosure.ProtectedOutreachRow;
import dk.cmm.stats.disclosure.ProtectedStats;

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
import dk.cmm.stats.stats.Dimension;
import dk.cmm.stats.stats.Group;
import dk.cmm.stats.stats.GroupKey;
import dk.cmm.stats.stats.Labels;
import dk.cmm.stats.stats.NumericSummary;
import dk.cmm.stats.stats.OutreachRow;
import dk.cmm.stats.stats.Stats;

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

    /** {@code count} and {@code share} (0..1) per group; without dimensions one row with the total. */
    String breakdown(Stats stats, List<? extends Dimension> groupBy, Lang lang) {
        List<String> header = keyHeader(groupBy);
        header.addAll(List.of("count", "share"));
        List<List<Object>> rows = new ArrayList<>();
        if (groupBy.isEmpty()) {
            rows.add(List.of(stats.total(), stats.total() == 0 ? 0.0 : 1.0));
        }
        for (Group group : stats.groups()) {
            List<Object> row = keyCells(group.key(), lang);
            row.add(group.count());
            row.add(group.share());
            rows.add(row);
        }
        return write(header, rows);
    }

    /**
     * What a caller without an API token gets: {@code count} and {@code share} empty where withheld, and a
     * {@code suppressed} column; without dimensions one row with the total (empty if withheld).
     */
    String breakdown(ProtectedStats stats, List<? extends Dimension> groupBy, Lang lang) {
        List<String> header = keyHeader(groupBy);
        header.addAll(List.of("count", "share", "suppressed"));
        List<List<Object>> rows = new ArrayList<>();
        if (groupBy.isEmpty()) {
            Integer total = stats.total();
            rows.add(java.util.Arrays.asList(total, total == null ? null : total == 0 ? 0.0 : 1.0, total == null));
        }
        for (ProtectedGroup group : stats.groups()) {
            List<Object> row = keyCells(group.key(), lang);
            row.add(group.count());
            row.add(group.share());
            row.add(group.suppressed());
            rows.add(row);
        }
        return write(header, rows);
    }

    /** Outreach metrics as a caller without an API token gets them: withheld person counts empty. */
    String outreachProtected(List<ProtectedOutreachRow> outreachRows, List<? extends Dimension> groupBy, Lang lang) {
        return outreachCsv(outreachRows, groupBy, lang, true);
    }

    private static List<String> outreachHeader(List<? extends Dimension> groupBy) {
        List<String> header = keyHeader(groupBy);
        header.addAll(List.of("activities", "contacts", "uniquePersons", "newPersons", "observed", "observedNew",
                "nationalities", "healthServiceUses", "abortionReferrals", "activeWeeks",
                "contactsPerActivityMean", "contactsPerActivityMin", "contactsPerActivityMax",
                "healthUsesPerPersonMean", "healthUsesPerPersonMin", "healthUsesPerPersonMax", "assessedTrafficked"));
        return header;
    }

    /** Every outreach metric per row; means, minima and maxima of the summaries, empty where there is none. */
    String outreach(List<OutreachRow> outreachRows, List<? extends Dimension> groupBy, Lang lang) {
        return outreachCsv(outreachRows.stream().map(ProtectedOutreachRow::exact).toList(), groupBy, lang, false);
    }

    private String outreachCsv(List<ProtectedOutreachRow> outreachRows, List<? extends Dimension> groupBy, Lang lang,
            boolean withSuppressedColumn) {
        List<String> header = outreachHeader(groupBy);
        if (withSuppressedColumn) {
            header.add("suppressed");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (ProtectedOutreachRow r : outreachRows) {
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
