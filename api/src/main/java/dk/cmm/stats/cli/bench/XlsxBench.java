package dk.cmm.stats.cli.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.importer.FileImporter;
import dk.cmm.stats.importer.ImportFile;
import dk.cmm.stats.importer.ImportProgress;
import dk.cmm.stats.importer.ImportReport;
import dk.cmm.stats.importer.RecordDumper;
import dk.cmm.stats.importer.RecordKind;
import dk.cmm.stats.importer.SyntheticData;
import dk.cmm.stats.importer.XlsxWorkbookWriter;
import dk.cmm.stats.person.PersonValidator;

/**
 * Bounded memory of Excel workbooks at scale (issue 16): the stored persons dumped as a workbook with POI's streaming
 * writer, then that workbook imported as a dry run (both passes of the importer read the whole sheet with POI's
 * streaming reader; nothing is written, so the bench data stays as it is). Reports rows per second and the peak
 * heap each step reached, against the JVM's maximum heap: a run under {@code -Xmx512m} shows the bound.
 */
public final class XlsxBench {

    private XlsxBench() {
    }

    /** Adds the rows {@code 3.xlsx-dump} and {@code 3.xlsx-import}; the workbook is written to a temporary folder. */
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
            report.info("3.xlsx-dump", "dump of %,d persons as .xlsx (streaming)".formatted(rows), rows / seconds,
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
            report.info("3.xlsx-import", "import (dry run) of the %,d-row .xlsx".formatted(rows), rows / seconds,
                    "rows/s", "%.1f s for both passes; peak heap %s".formatted(seconds, peakHeap()));
        } finally {
            Files.deleteIfExists(workbook);
            Files.deleteIfExists(folder);
        }
    }

    /**
     * Writes {@code persons} synthetic persons (drawn from the bundled 2012 ones, deterministic per seed) as a
     * workbook in the template's shape, streaming, without a database: the file for measuring an import by hand.
     */
    public static void writePersons(Path file, int persons, long seed) throws IOException {
        Codebook codebook = Codebook.standard();
        PersonValidator validator = new PersonValidator(codebook, code -> true);
        SyntheticData.Rows rows = SyntheticData.rows(RecordKind.PERSONS,
                new SyntheticData.Plan(persons, 0, 0, 2002, 2025, seed));
        try (XlsxWorkbookWriter workbook = XlsxWorkbookWriter.start(RecordKind.PERSONS, Lang.DA, codebook);
                OutputStream out = Files.newOutputStream(file)) {
            for (List<Map<String, Object>> chunk = rows.next(10_000); !chunk.isEmpty(); chunk = rows.next(10_000)) {
                chunk.forEach(row -> workbook.write(validator.validate(row)));
            }
            workbook.finish(out);
        }
    }

    /**
     * {@code XlsxBench FILE.xlsx [PERSONS] [SEED]}: writes the workbook of {@link #writePersons}; run from the jar
     * with {@code java -cp api/target/cmm-stats.jar -Dloader.main=dk.cmm.stats.cli.bench.XlsxBench
     * org.springframework.boot.loader.launch.PropertiesLauncher persons-200k.xlsx 200000}.
     */
    public static void main(String[] args) throws IOException {
        int persons = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        long start = System.nanoTime();
        writePersons(Path.of(args[0]), persons, args.length > 2 ? Long.parseLong(args[2]) : 42);
        System.out.printf("wrote %,d persons to %s in %.1f s, peak heap %s%n", persons, args[0],
                (System.nanoTime() - start) / 1e9, peakHeap());
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
