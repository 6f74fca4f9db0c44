package dk.cmm.stats.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import dk.cmm.stats.storage.RecordWriter;
import dk.cmm.stats.storage.Stamp;
import dk.cmm.stats.storage.StorageProperties;
import dk.cmm.stats.validation.ValidationException;

/**
 * Loads the bundled data (the reconstructed 2012 records and the published yearly totals, in
 * {@code bundled-data/*.jsonl}) into a database that holds none of our records, so that every command works in a
 * fresh data folder. It runs before the application serves anything, goes through the same validators as an
 * import, and writes upserts, so two processes starting at once on an empty database still leave one copy.
 */
@Component
public class BundledDataLoader implements SmartInitializingSingleton {

    static final String RESOURCE_FOLDER = "bundled-data/";

    private static final Logger log = LoggerFactory.getLogger(BundledDataLoader.class);

    private final MongoTemplate mongo;
    private final RecordValidation validation;
    private final RecordWriter writer;
    private final StorageProperties properties;

    BundledDataLoader(MongoTemplate mongo, RecordValidation validation, RecordWriter writer,
            StorageProperties properties) {
        this.mongo = mongo;
        this.validation = validation;
        this.writer = writer;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (properties.bundledData() == StorageProperties.BundledData.NEVER) {
            return;
        }
        for (RecordKind kind : RecordKind.values()) {
            // one document is enough to tell, and a count would read every document on every start
            if (mongo.exists(new org.springframework.data.mongodb.core.query.Query(), kind.documentType())) {
                log.debug("The database holds {} already; not loading the bundled data", kind.fileName());
                return;
            }
        }
        log.info("Loaded the bundled data: {}", loadBundledData());
    }

    /** Whether the bundled data is loaded into a database that has none of our records. */
    public boolean enabled() {
        return properties.bundledData() != StorageProperties.BundledData.NEVER;
    }

    /** Validates and upserts every bundled record, whatever the database holds; returns what was loaded. */
    public String loadBundledData() {
        Map<RecordKind, List<Object>> records = readAndValidate();
        records.forEach((kind, list) -> write(kind, list));
        return summary(records);
    }

    private Map<RecordKind, List<Object>> readAndValidate() {
        Map<RecordKind, List<Object>> records = new EnumMap<>(RecordKind.class);
        List<RowProblem> problems = new ArrayList<>();
        RecordValidation.Batch batch = validation.batch();
        for (RecordKind kind : RecordKind.values()) {
            String file = RESOURCE_FOLDER + kind.fileName() + ".jsonl";
            List<Object> valid = new ArrayList<>();
            for (SourceRow row : readResource(file, problems)) {
                try {
                    valid.add(batch.validate(kind, row.fields()));
                } catch (ValidationException e) {
                    e.violations().forEach(v -> problems.add(RowProblem.of(row, v)));
                }
            }
            records.put(kind, valid);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The bundled data is invalid:\n" + String.join("\n",
                    problems.stream().map(RowProblem::toString).toList()));
        }
        return records;
    }

    private static List<SourceRow> readResource(String resource, List<RowProblem> problems) {
        InputStream in = BundledDataLoader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            return List.of();
        }
        try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return JsonLinesReader.read(resource, reader, problems);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private void write(RecordKind kind, List<Object> list) {
        writer.upsertAll((Class) kind.documentType(), (List) list, Stamp.SYSTEM);
    }

    private static String summary(Map<RecordKind, List<Object>> records) {
        return String.join(", ", records.entrySet().stream()
                .map(e -> e.getValue().size() + " " + e.getKey().fileName()).toList());
    }

}
