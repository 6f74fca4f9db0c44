package dk.cmm.stats.report;

import java.nio.file.Path;
import java.util.List;

/** What an export wrote: the year folder and its files (relative to the output folder), in writing order. */
public record ExportResult(int year, Path folder, List<String> files) {
}
