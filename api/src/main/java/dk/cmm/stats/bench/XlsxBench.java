package dk.cmm.stats.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.importer.FileImporter;
import dk.cmm.stats.importer.ImportFile;
import dk.cmm.stats.importer.ImportProgress;
import dk.cmm.stats.importer.ImportReport;
import dk.cmm.stats.importer.RecordDumper;
import dk.cmm.stats.importer.RecordKind;

/**
 * Bounded memory of Excel workbooks at scale (issue 16): the stored persons dumped as a workbook with POI's streaming
 * writer, then that workbook imported as a dry run (both passes of the importer read the whole sheet with POI's
 * streaming reader; nothing is written, so the bench data stays as it is). Reports rows per second and the peak
 * heap each step reached, against the JVM's maximum heap: a run under {@code -Xmx512m} shows the bound.
 */
public final class XlsxBench {

    private XlsxBench() {
    }

    /** Adds the rows {@code 5.xlsx-dump} and {@code 5.xlsx-import}; the workbook is written to a temporary folder. */
    public static void run(RecordDumper dumper, FileImporter importer, BenchReport report) throws IOException {
        Path folder = Files.createTempDirectory("cmm-bench-xlsx-");
        Path workbook = folder.resolve("persons.xlsx");
        try {
            resetPeaks();
            long start = System.nanoTime();
            long rows;
            try (OutputStream out = Files.newOutputStream(workbook)) {
                rows = dumper.dumpWorkbook(RecordKind.PERSONS, null, Lang.DA, out);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            report.info("5.xlsx-dump", "dump of %,d persons as .xlsx (streaming)".formatted(rows), rows / seconds,
                    "rows/s", "%.1f s, %,d KB file; peak heap %s".formatted(seconds, Files.size(workbook) / 1024,
                            peakHeap()));

            resetPeaks();
            start = System.nanoTime();
            ImportReport result = importer.importFiles(List.of(ImportFile.of(workbook, RecordKind.PERSONS)), true,
                    "bench", ImportProgress.NONE);
            seconds = (System.nanoTime() - start) / 1e9;
            if (result.refused()) {
                throw new IllegalStateException("the dumped workbook did not import: "
                        + result.problems().lines().stream().limit(5).toList());
            }
            report.info("5.xlsx-import", "import (dry run) of the %,d-row .xlsx".formatted(rows), rows / seconds,
                    "rows/s", "%.1f s for both passes; peak heap %s".formatted(seconds, peakHeap()));
        } finally {
            Files.deleteIfExists(workbook);
            Files.deleteIfExists(folder);
        }
    }

    private static void resetPeaks() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks since the last reset, and the maximum heap, e.g. "212 MB of 512 MB". */
    static String peakHeap() {
        long peak = heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        long max = Runtime.getRuntime().maxMemory();
        return "%,d MB of %,d MB".formatted(peak >> 20, max >> 20);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
    }
}
