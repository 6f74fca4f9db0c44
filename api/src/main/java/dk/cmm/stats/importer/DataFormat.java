package dk.cmm.stats.importer;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats of import and dump, told apart by the file's extension. */
public enum DataFormat {
    /** Comma- or semicolon-separated values with a header row, UTF-8 (with or without a byte order mark) or else
     * Windows-1252 (what Danish Excel writes as plain "CSV"). */
    CSV,
    /** JSON Lines: one JSON object per line, UTF-8. */
    JSONL,
    /** An Excel workbook (Office Open XML): a sheet with a header row and one row per record, like CSV. */
    XLSX;

    public static Optional<DataFormat> of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Optional.of(JSONL);
        }
        if (name.endsWith(".xlsx")) {
            return Optional.of(XLSX);
        }
        return Optional.empty();
    }
}
