package dk.cmm.stats.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The benchmark's results: one row per measurement, printed as a table and written as JSON. */
public final class BenchReport {

    /** Whether a row met its target, has none, or was not measured. */
    public enum Status { MET, MISSED, INFO, NOTE, SKIPPED }

    /**
     * One measurement.
     *
     * @param id     stable key (e.g. {@code 1.ratio}) for scripts reading bench.json
     * @param what   what was measured
     * @param value  the figure (null when skipped)
     * @param unit   its unit
     * @param target the target, as text ("<= 1.2"), or null
     * @param note   how it was measured, or why it was skipped
     */
    public record Row(String id, String what, Double value, String unit, String target, Status status, String note) {
    }

    private final Map<String, Object> setup = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final PrintWriter live;

    /** @param live where each row is printed as soon as it is measured (a long run shows its progress), or null */
    public BenchReport(PrintWriter live) {
        this.live = live;
    }

    private void add(Row row) {
        rows.add(row);
        if (live != null) {
            live.printf("  %-10s %s: %s%n", row.id(), row.what(), row.value() == null ? row.note()
                    : format(row.value()) + " " + row.unit() + (row.target() == null ? "" : " (target " + row.target()
                            + ": " + row.status() + ")"));
            live.flush();
        }
    }

    public void setup(String key, Object value) {
        setup.put(key, value);
    }

    public void info(String id, String what, double value, String unit, String note) {
        add(new Row(id, what, value, unit, null, Status.INFO, note));
    }

    /** A row with a target {@code value <= max} (atMost) or {@code value >= min}. */
    public void target(String id, String what, double value, String unit, boolean atMost, double limit,
            String note) {
        boolean met = atMost ? value <= limit : value >= limit;
        add(new Row(id, what, value, unit, (atMost ? "<= " : ">= ") + format(limit), met ? Status.MET
                : Status.MISSED, note));
    }

    /** A finding in words (no figure), e.g. the query plan. */
    public void note(String id, String what, String text) {
        add(new Row(id, what, null, null, null, Status.NOTE, text));
    }

    public void skipped(String id, String what, String why) {
        add(new Row(id, what, null, null, null, Status.SKIPPED, why));
    }

    /** The rows by part (the number before the dot), each part's in the order measured: parts do not run in order. */
    public List<Row> rows() {
        return rows.stream().sorted(java.util.Comparator.comparingInt(BenchReport::part)).toList();
    }

    private static int part(Row row) {
        int dot = row.id().indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? row.id() : row.id().substring(0, dot));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    public void print(PrintWriter out) {
        out.println();
        setup.forEach((k, v) -> out.printf("%-16s %s%n", k + ":", v));
        out.println();
        int width = Math.max(40, rows.stream().mapToInt(r -> r.what().length()).max().orElse(40));
        String line = "%-9s %-" + width + "s %14s %-8s %-9s %s%n";
        out.printf(line, "id", "measurement", "value", "target", "status", "note");
        out.println("-".repeat(width + 60));
        for (Row r : rows()) {
            out.printf(line, r.id(), r.what(), r.value() == null ? "-" : format(r.value()) + " " + r.unit(),
                    r.target() == null ? "" : r.target(), r.status(), r.note() == null ? "" : r.note());
        }
        out.flush();
    }

    public void writeJson(Path file) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("setup", setup);
        json.put("rows", rows());
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
            Files.writeString(file, mapper.writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%,.0f" : Math.abs(value) >= 1 ? "%.2f" : "%.3f",
                value);
    }
}
