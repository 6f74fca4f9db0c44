package dk.cmm.stats.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.springframework.stereotype.Component;

import dk.cmm.stats.importer.ImportReport.FileResult;
import dk.cmm.stats.storage.RecordWriteException;
import dk.cmm.stats.storage.RecordWriter;
import dk.cmm.stats.storage.RecordWriter.WriteCounts;
import dk.cmm.stats.validation.ValidationException;

/**
 * Imports CSV, JSON Lines and .xlsx files, all or nothing. First every record of every file is validated (with the
 * same validators as the GraphQL mutations) and checked for a natural key given twice; any problem refuses the whole
 * import, listing every problem, and nothing is written. Then the files are read again and written in chunks of
 * upserts on the natural key, so memory stays bounded and a rerun after a crash completes the import without making
 * a second copy of anything. Programmes are written before the records that name them.
 */
@Component
public class FileImporter {

    public static final int CHUNK_SIZE = 2000;

    private final RecordValidation validation;
    private final RecordWriter writer;
    private int chunkSize = CHUNK_SIZE;
    private LongConsumer afterChunk = rows -> { };

    FileImporter(RecordValidation validation, RecordWriter writer) {
        this.validation = validation;
        this.writer = writer;
    }

    /**
     * Validates the files and, unless this is a dry run or there are problems, writes them.
     *
     * @param who stamped on every record written
     */
    public ImportReport importFiles(List<ImportFile> files, boolean dryRun, String who, ImportProgress progress) {
        List<ImportFile> ordered = files.stream().sorted(Comparator.comparing(ImportFile::kind)).toList();
        Problems problems = new Problems();
        RecordValidation.Batch checking = validation.batch();
        Map<RecordKind, Map<Object, Location>> keys = new EnumMap<>(RecordKind.class);
        for (ImportFile file : ordered) {
            check(file, checking, keys, problems, progress);
        }
        if (problems.any()) {
            return new ImportReport(List.of(), problems, dryRun);
        }
        keys.clear();
        List<FileResult> results = new ArrayList<>();
        RecordValidation.Batch writing = validation.batch();
        for (ImportFile file : ordered) {
            results.add(new FileResult(file, write(file, writing, dryRun, who, progress)));
        }
        return new ImportReport(results, problems, dryRun);
    }

    private void check(ImportFile file, RecordValidation.Batch batch, Map<RecordKind, Map<Object, Location>> keys,
            Problems problems, ImportProgress progress) {
        Map<Object, Location> seen = keys.computeIfAbsent(file.kind(), kind -> new HashMap<>());
        String keyField = file.kind().fields().get(0);
        progress.start("Checking " + file.path().getFileName(), RecordFileReader.length(file));
        read(file, record -> {
            progress.reached(record.lastLine());
            Object valid;
            try {
                valid = batch.validate(file.kind(), record.row().fields());
            } catch (ValidationException e) {
                e.violations().forEach(violation -> problems.add(record.problem(violation)));
                return;
            }
            Object key = writer.idOf(valid);
            Location here = new Location(file.name(), record.row().line());
            Location first = seen.putIfAbsent(key, here);
            if (first != null) {
                problems.add(record.row().problem(here.line(), keyField, String.valueOf(key),
                        "appears already on " + record.row().where(first.line())
                                + (first.file().equals(here.file()) ? "" : " of " + first.file())));
            }
        }, problems::add);
        progress.finish();
    }

    private WriteCounts write(ImportFile file, RecordValidation.Batch batch, boolean dryRun, String who,
            ImportProgress progress) {
        progress.start((dryRun ? "Comparing " : "Importing ") + file.path().getFileName(),
                RecordFileReader.length(file));
        Chunk chunk = new Chunk(file.name(), file.kind(), dryRun, who, progress);
        read(file, record -> {
            try {
                chunk.add(batch.validate(file.kind(), record.row().fields()), record.lastLine());
            } catch (ValidationException e) {
                throw changedMeanwhile(file);
            }
        }, problem -> {
            throw changedMeanwhile(file);
        });
        chunk.flush();
        progress.finish();
        return chunk.counts;
    }

    private static IllegalStateException changedMeanwhile(ImportFile file) {
        return new IllegalStateException(file.name() + " changed while it was being imported; import it again "
                + "(what was written is kept, and writing it again makes no copies)");
    }

    private static void read(ImportFile file, Consumer<ReadRecord> sink, Consumer<RowProblem> problems) {
        RecordFileReader.read(file, sink, problems);
    }

    /** Sets how many records are written at once (tests use small chunks). */
    void chunkSize(int records) {
        this.chunkSize = records;
    }

    /** A hook called after each chunk is written with the number of records of the file written so far (tests). */
    void afterEachChunk(LongConsumer hook) {
        this.afterChunk = hook;
    }

    /** Where a natural key was first seen. */
    private record Location(String file, long line) {
    }

    /**
     * A write the database refused, with the file and line of the record (or of the chunk, when the refusal names
     * none) and what to do. It never holds a record's values: {@link RecordWriteException} has none.
     */
    public static final class ImportWriteException extends RuntimeException {
        ImportWriteException(String message) {
            super(message);
        }
    }

    /** Records of one file waiting to be written together. */
    private final class Chunk {

        private final String file;
        private final RecordKind kind;
        private final boolean dryRun;
        private final String who;
        private final ImportProgress progress;
        private final List<Object> records = new ArrayList<>();
        private final List<Long> lines = new ArrayList<>();
        private WriteCounts counts = new WriteCounts(0, 0, 0);
        private long written;
        private long lastLine;

        Chunk(String file, RecordKind kind, boolean dryRun, String who, ImportProgress progress) {
            this.file = file;
            this.kind = kind;
            this.dryRun = dryRun;
            this.who = who;
            this.progress = progress;
        }

        private ImportWriteException refusedAt(RecordWriteException e) {
            String where = file + " lines " + lines.get(0) + "-" + lastLine;
            if (e.key() != null) {
                for (int i = 0; i < records.size(); i++) {
                    if (e.key().equals(writer.idOf(records.get(i)))) {
                        where = file + " line " + lines.get(i);
                    }
                }
            }
            return new ImportWriteException(where + ": " + e.getMessage() + ". The " + written + " records before "
                    + "line " + lines.get(0) + " are stored; correct the cause and import the file again "
                    + "(writing again makes no copies).");
        }

        void add(Object record, long line) {
            records.add(record);
            lines.add(line);
            lastLine = line;
            if (records.size() >= chunkSize) {
                flush();
            }
        }

        @SuppressWarnings({ "unchecked", "rawtypes" })
        void flush() {
            if (records.isEmpty()) {
                return;
            }
            Class type = kind.documentType();
            try {
                counts = counts.plus(dryRun ? writer.preview(type, (List) records)
                        : writer.upsertAll(type, (List) records, who));
            } catch (RecordWriteException e) {
                throw refusedAt(e);
            }
            written += records.size();
            records.clear();
            lines.clear();
            progress.reached(lastLine);
            if (!dryRun) {
                afterChunk.accept(written);
            }
        }
    }
}
