package dk.cmm.stats.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

import org.springframework.stereotype.Component;

import dk.cmm.stats.storage.RecordWriter;
import dk.cmm.stats.storage.Stamped;
import dk.cmm.stats.validation.ValidationException;

/**
 * Synthetic records at any scale for benchmarks and load tests, drawn from the bundled 2012 records: each synthetic
 * record is a copy of a randomly chosen 2012 record of its kind (so the joint distributions of nationality, gender,
 * exploitation, status, programme, caller type, ... are the 2012 ones), moved to a year of the requested range and
 * lightly varied (age by up to three years, days of stay by up to a quarter). The same seed always gives the same
 * records. They are written through the importer's path: the shared validators, then idempotent upserts in chunks of
 * the importer's size ({@link FileImporter#CHUNK_SIZE}),
 * so a second run with the same arguments changes nothing and a run with another seed replaces the records.
 * Identifiers carry an {@code S} (synthetic): persons {@code 2015-S0000042}, calls {@code 2015-S0000007},
 * activities {@code CLINIC_OUTREACH-2015-S0000042}.
 */
@Component
public class SyntheticData {

    /** The year the templates come from: the bundled, fully attributed one. */
    static final int TEMPLATE_YEAR = 2012;
    public static final int CHUNK = FileImporter.CHUNK_SIZE;

    private final RecordValidation validation;
    private final RecordWriter writer;

    SyntheticData(RecordValidation validation, RecordWriter writer) {
        this.validation = validation;
        this.writer = writer;
    }

    /** What to generate: record counts, the inclusive year range, the seed. */
    public record Plan(int persons, int activities, int calls, int fromYear, int toYear, long seed) {

        public Plan {
            if (persons < 0 || activities < 0 || calls < 0) {
                throw new IllegalArgumentException("record counts cannot be negative");
            }
            if (fromYear > toYear) {
                throw new IllegalArgumentException("the year range " + fromYear + "-" + toYear + " is empty");
            }
        }

        public int total() {
            return persons + activities + calls;
        }
    }

    /** Validates and upserts the plan's records in chunks, reporting each written row to {@code progress}. */
    public Map<RecordKind, RecordWriter.WriteCounts> write(Plan plan, IntConsumer progress) {
        Map<RecordKind, RecordWriter.WriteCounts> counts = new EnumMap<>(RecordKind.class);
        for (RecordKind kind : List.of(RecordKind.PERSONS, RecordKind.ACTIVITIES, RecordKind.HOTLINE)) {
            Rows rows = rows(kind, plan);
            RecordWriter.WriteCounts total = new RecordWriter.WriteCounts(0, 0, 0);
            for (List<Map<String, Object>> chunk = rows.next(CHUNK); !chunk.isEmpty(); chunk = rows.next(CHUNK)) {
                RecordWriter.WriteCounts written = writeChunk(kind, chunk);
                total = new RecordWriter.WriteCounts(total.inserted() + written.inserted(),
                        total.updated() + written.updated(), total.unchanged() + written.unchanged());
                progress.accept(chunk.size());
            }
            counts.put(kind, total);
        }
        return counts;
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private RecordWriter.WriteCounts writeChunk(RecordKind kind, List<Map<String, Object>> chunk) {
        RecordValidation.Batch batch = validation.batch();
        List<Object> valid = new ArrayList<>(chunk.size());
        for (Map<String, Object> row : chunk) {
            try {
                valid.add(batch.validate(kind, row));
            } catch (ValidationException e) {
                throw new IllegalStateException("a synthetic " + kind + " record is invalid: " + row + ": "
                        + e.getMessage(), e);
            }
        }
        return writer.upsertAll((Class<Stamped>) kind.documentType(), (List) valid, "generate");
    }

    /** The raw rows (as an import file would hold them) of one kind of the plan, in a fixed order. */
    public static Rows rows(RecordKind kind, Plan plan) {
        return switch (kind) {
            case PERSONS -> new Rows(plan, plan.persons(), templates(kind, "caseRef"), 0x5045_5253L,
                    SyntheticData::person);
            case ACTIVITIES -> new Rows(plan, plan.activities(), templates(kind, "activityId"), 0x4143_5456L,
                    SyntheticData::activity);
            case HOTLINE -> new Rows(plan, plan.calls(), templates(kind, "callId"), 0x4341_4C4CL,
                    SyntheticData::call);
            default -> throw new IllegalArgumentException("no synthetic " + kind);
        };
    }

    /** A deterministic stream of synthetic rows: each kind has its own random sequence derived from the seed. */
    public static final class Rows {

        private final Plan plan;
        private final int count;
        private final List<Map<String, Object>> templates;
        private final SplittableRandom random;
        private final Maker maker;
        private int made;

        private Rows(Plan plan, int count, List<Map<String, Object>> templates, long salt, Maker maker) {
            if (count > 0 && templates.isEmpty()) {
                throw new IllegalStateException("the bundled data has no " + TEMPLATE_YEAR + " records to draw from");
            }
            this.plan = plan;
            this.count = count;
            this.templates = templates;
            this.random = new SplittableRandom(plan.seed() * 31 + salt);
            this.maker = maker;
        }

        /** The next {@code max} rows (fewer at the end, none when all are made). */
        public List<Map<String, Object>> next(int max) {
            List<Map<String, Object>> rows = new ArrayList<>(Math.min(max, count - made));
            while (made < count && rows.size() < max) {
                made++;
                int year = plan.fromYear() + random.nextInt(plan.toYear() - plan.fromYear() + 1);
                Map<String, Object> template = templates.get(random.nextInt(templates.size()));
                rows.add(maker.make(new LinkedHashMap<>(template), year, "S%07d".formatted(made), random));
            }
            return rows;
        }
    }

    private interface Maker {
        Map<String, Object> make(Map<String, Object> copy, int year, String serial, SplittableRandom random);
    }

    private static Map<String, Object> person(Map<String, Object> p, int year, String serial,
            SplittableRandom random) {
        p.put("caseRef", year + "-" + serial);
        p.put("assessmentYear", year);
        p.computeIfPresent("assessmentDate", (k, date) -> moveToYear(date, year));
        p.computeIfPresent("outcomeYear", (k, outcome) -> ((Number) outcome).intValue() - TEMPLATE_YEAR + year);
        if (p.get("ageAtIdentification") instanceof Number age) {
            p.remove("ageGroup"); // derived from the age again
            p.put("ageAtIdentification", Math.max(18, Math.min(80, age.intValue() + random.nextInt(7) - 3)));
        }
        if (p.get("stayDays") instanceof Number days) {
            p.put("stayDays", (int) Math.round(days.intValue() * (0.75 + random.nextDouble() / 2)));
        }
        return p;
    }

    private static Map<String, Object> activity(Map<String, Object> a, int year, String serial,
            SplittableRandom random) {
        a.put("activityId", a.get("programme") + "-" + year + "-" + serial);
        a.put("date", moveToYear(a.get("date"), year));
        if (a.get("contacts") instanceof List<?> contacts) {
            List<Object> moved = new ArrayList<>();
            for (Object contact : contacts) {
                @SuppressWarnings("unchecked")
                Map<String, Object> c = new LinkedHashMap<>((Map<String, Object>) contact);
                // a pseudonym names one person within a year's records
                c.computeIfPresent("pseudonym", (k, pseudonym) -> pseudonym + "-" + year);
                moved.add(c);
            }
            a.put("contacts", moved);
        }
        return a;
    }

    private static Map<String, Object> call(Map<String, Object> c, int year, String serial, SplittableRandom random) {
        c.put("callId", year + "-" + serial);
        c.put("date", moveToYear(c.get("date"), year));
        return c;
    }

    private static String moveToYear(Object date, int year) {
        return LocalDate.parse(date.toString()).withYear(year).toString(); // 29 February becomes the 28th
    }

    /** The bundled records of the template year, in identifier order. */
    private static List<Map<String, Object>> templates(RecordKind kind, String idField) {
        String resource = BundledDataLoader.RESOURCE_FOLDER + kind.fileName() + ".jsonl";
        List<RowProblem> problems = new ArrayList<>();
        List<SourceRow> rows;
        try (InputStream in = SyntheticData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            rows = JsonLinesReader.read(resource, new InputStreamReader(in, StandardCharsets.UTF_8), problems);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return rows.stream().map(SourceRow::fields)
                .filter(f -> yearOf(kind, f) == TEMPLATE_YEAR)
                .sorted(Comparator.comparing(f -> String.valueOf(f.get(idField))))
                .toList();
    }

    private static int yearOf(RecordKind kind, Map<String, Object> fields) {
        if (kind == RecordKind.PERSONS) {
            return ((Number) fields.get("assessmentYear")).intValue();
        }
        Object date = fields.get("date");
        return date == null ? 0 : LocalDate.parse(date.toString()).getYear();
    }
}
