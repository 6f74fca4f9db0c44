package dk.cmm.stats.importer;

import java.util.List;

import dk.cmm.stats.storage.RecordWriter.WriteCounts;

/**
 * What an import did: refused with its problems (and then wrote nothing), or per file how many records were
 * inserted, updated and unchanged (in a dry run: would have been).
 */
public record ImportReport(List<FileResult> files, Problems problems, boolean dryRun) {

    public boolean refused() {
        return problems.any();
    }

    public WriteCounts total() {
        return files.stream().map(FileResult::counts).reduce(new WriteCounts(0, 0, 0), WriteCounts::plus);
    }

    /** One file's records and what became of them. */
    public record FileResult(ImportFile file, WriteCounts counts) {
    }
}
