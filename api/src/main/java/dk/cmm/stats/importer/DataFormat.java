package dk.cmm.stats.importer;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats of import and dump, told apart by the file's extension. */
public enum DataFormat {
    /** Comma- or semicolon-separated values with a header row, UTF-8 (with or without a byte order mark). */
    CSV,
    /** JSON Lines: one JSON object per line, UTF-8. */
    JSONL;

    public static Optional<DataFormat> of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Optional.of(JSONL);
        }
        return Optional.empty();
    }
}
