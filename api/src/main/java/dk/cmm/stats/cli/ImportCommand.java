package dk.cmm.stats.cli;

import dk.cmm.stats.security.Actors;
import dk.cmm.stats.security.AuditLog;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dk.cmm.stats.importer.FileImporter;
import dk.cmm.stats.importer.ImportFile;
import dk.cmm.stats.importer.ImportReport;
import dk.cmm.stats.importer.RecordFileWriter;
import dk.cmm.stats.importer.RecordKind;
import dk.cmm.stats.storage.RecordWriter.WriteCounts;
import dk.cmm.stats.storage.Stamp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cmm-stats import FILE...}: all-or-nothing import of CSV and JSON Lines files; or a CSV template. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Import records from CSV (with a header row; ';' or ',') or JSON Lines files, all or nothing.",
            "Every file is checked first; any problem is listed as file:line: field 'x': value 'y' is not ..., "
                    + "and then nothing is written. Records are upserted on their natural key, so importing a file "
                    + "again (say after a crash) makes no copies.",
            "The kind of records comes from --kind or from the file name (persons.csv, persons-2013.csv, "
                    + "outreach-activities.csv, hotline-calls.csv, programmes.csv, year-notes.csv)." },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { "0:imported (or, with --dry-run, checked) without problems",
            "1:problems found; nothing was written", "2:wrong arguments" })
final class ImportCommand extends SpringCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "CSV (.csv) or JSON Lines (.jsonl) files")
    List<Path> files = new ArrayList<>();

    @Option(names = "--kind", paramLabel = "KIND", converter = KindConverter.class,
            description = "What the files hold: persons, activities, hotline, programmes or year-notes "
                    + "(default: told by each file's name)")
    RecordKind kind;

    @Option(names = "--dry-run", description = "Check the files and tell what would be inserted, updated and "
            + "unchanged, without writing anything")
    boolean dryRun;

    @Option(names = "--template", paramLabel = "KIND", converter = KindConverter.class,
            description = "Print an empty CSV file with the header row of KIND, to fill in (e.g. in Excel)")
    RecordKind template;

    @Option(names = "--separator", paramLabel = "CHAR", converter = SeparatorConverter.class, defaultValue = ";",
            description = "Separator of the --template CSV: ';' (default, what Danish Excel expects) or ','")
    char separator;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (template != null) {
            return printTemplate();
        }
        if (files.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Give the FILEs to import, or --template KIND");
        }
        List<ImportFile> imports = new ArrayList<>();
        for (Path file : files) {
            try {
                imports.add(ImportFile.of(file, kind));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        ImportReport report;
        try (ConfigurableApplicationContext context = startBatch()) {
            // the command line is trusted local access; the audit log still says who imported what, from the start,
            // so that an import killed halfway leaves an entry that says STARTED
            AuditLog audit = context.getBean(AuditLog.class);
            org.bson.types.ObjectId entry = dryRun ? null : audit.start(Actors.LOCAL, "LOCAL", "IMPORT",
                    files.stream().map(file -> file.getFileName().toString()).toList());
            try {
                report = context.getBean(FileImporter.class).importFiles(imports, dryRun, who(),
                        ConsoleProgress.forConsole());
            } catch (RuntimeException e) {
                if (entry != null) {
                    audit.complete(entry, AuditLog.Outcome.FAILED, "stopped by an error; what was written is kept");
                }
                throw e;
            }
            if (entry != null) {
                audit.complete(entry, report.refused() ? AuditLog.Outcome.FAILED : AuditLog.Outcome.OK,
                        report.refused() ? report.problems().count() + " problems; nothing written"
                                : describe(report.total(), false));
            }
        }
        return print(report);
    }

    private int printTemplate() throws IOException {
        Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        RecordFileWriter.start(out, template, dk.cmm.stats.importer.DataFormat.CSV, separator).flush();
        return 0;
    }

    private int print(ImportReport report) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (report.refused()) {
            report.problems().lines().forEach(err::println);
            long count = report.problems().count();
            err.println("cmm-stats: " + count + " problem" + (count == 1 ? "" : "s") + " found; nothing was "
                    + "written. Correct the file" + (files.size() == 1 ? "" : "s") + " and import again.");
            err.flush();
            return FriendlyErrors.FAILED;
        }
        for (ImportReport.FileResult file : report.files()) {
            out.println(file.file().name() + ": " + describe(file.counts(), report.dryRun()));
        }
        String total = describe(report.total(), report.dryRun());
        out.println(report.dryRun() ? "Dry run: no problems found, nothing written. In all: " + total
                : "Imported " + report.files().size() + " file" + (report.files().size() == 1 ? "" : "s")
                        + ". In all: " + total);
        out.flush();
        return 0;
    }

    private static String describe(WriteCounts counts, boolean dryRun) {
        String records = counts.total() + " record" + (counts.total() == 1 ? "" : "s");
        return dryRun
                ? records + ": " + counts.inserted() + " would be inserted, " + counts.updated() + " updated, "
                        + counts.unchanged() + " unchanged"
                : records + ": " + counts.inserted() + " inserted, " + counts.updated() + " updated, "
                        + counts.unchanged() + " unchanged";
    }

    /** Who an import is stamped with: the account that runs it (the command line has no other login). */
    private static String who() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? Stamp.SYSTEM : user;
    }
}
