package dk.cmm.stats.importer;

import java.util.Map;

/** One record read from a file: where it came from (for error messages) and its raw fields. */
public record SourceRow(String file, long line, Map<String, Object> fields) {
}
