package dk.cmm.stats.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.importer.DataFormat;
import dk.cmm.stats.importer.RecordDumper;
import dk.cmm.stats.importer.RecordKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cmm-stats dump --kind persons [--year 2012] [--format csv|jsonl|xlsx] [-o file]}: records in the import
 * format.
 */
@Command(name = "dump", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Write the stored records of one kind in exactly the format import reads, ordered by their "
                + "natural key, without who/when stamps: importing a dump into an empty database and dumping again "
                + "gives the same bytes.",
            "CSV (the default) starts with a UTF-8 byte order mark and uses ';', so Excel opens it as it is. "
                    + "--format xlsx -o FILE.xlsx writes a workbook in the shape of import --template (labels, "
                    + "dropdowns, a sheet of the codes), to edit in Excel and import again." })
final class DumpCommand extends SpringCommand implements Callable<Integer> {

    @Option(names = "--kind", required = true, paramLabel = "KIND", converter = KindConverter.class,
            description = "persons, activities, hotline, programmes or year-notes")
    RecordKind kind;

    @Option(names = "--year", paramLabel = "YEAR",
            description = "Only the records of this year (persons: year of assessment; activities and calls: year "
                    + "of their date)")
    Integer year;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "csv (default), jsonl or xlsx (needs -o)")
    DataFormat format;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "da",
            description = "Language of an xlsx dump's labels and dropdowns: da (default) or en")
    Lang lang;

    @Option(names = "--separator", paramLabel = "CHAR", converter = SeparatorConverter.class, defaultValue = ";",
            description = "CSV separator: ';' (default) or ','")
    char separator;

    @Option(names = { "-o", "--output" }, paramLabel = "FILE",
            description = "Write to FILE instead of standard output")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (year != null && kind.yearField().isEmpty()) {
            throw new ParameterException(spec.commandLine(), kind.optionName() + " have no year; leave out --year");
        }
        if (format == DataFormat.XLSX && output == null) {
            throw new ParameterException(spec.commandLine(), "Give -o FILE.xlsx: a workbook is not printed");
        }
        PrintStream data = System.out;
        // Until the dump is written, anything else printed to standard output (a log line) goes to standard error,
        // so that `dump > file` holds nothing but records.
        System.setOut(System.err);
        long count;
        try (ConfigurableApplicationContext context = startBatch()) {
            RecordDumper dumper = context.getBean(RecordDumper.class);
            if (format == DataFormat.XLSX) {
                try (OutputStream out = Files.newOutputStream(output)) {
                    count = dumper.dumpWorkbook(kind, year, lang, out);
                }
            } else {
                try (Writer out = output != null ? Files.newBufferedWriter(output, StandardCharsets.UTF_8)
                        : new KeepOpen(new BufferedWriter(new OutputStreamWriter(data, StandardCharsets.UTF_8)))) {
                    count = dumper.dump(kind, year, format, separator, out);
                }
            }
        } finally {
            System.setOut(data);
        }
        spec.commandLine().getErr().println("cmm-stats: wrote " + count + " " + kind.fileName().replace('-', ' ')
                + (year != null ? " of " + year : "") + (output != null ? " to " + output : ""));
        spec.commandLine().getErr().flush();
        return 0;
    }

    /** Flushes standard output when done, but leaves it open. */
    private static final class KeepOpen extends java.io.FilterWriter {

        KeepOpen(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
