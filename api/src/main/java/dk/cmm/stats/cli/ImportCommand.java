package dk.cmm.stats.cli;

import dk.cmm.stats.security.Actors;
import dk.cmm.stats.security.AuditLog;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.importer.DataFormat;
import dk.cmm.stats.importer.FileImporter;
import dk.cmm.stats.importer.ImportFile;
import dk.cmm.stats.importer.ImportReport;
import dk.cmm.stats.importer.RecordFileWriter;
import dk.cmm.stats.importer.RecordKind;
import dk.cmm.stats.importer.XlsxWorkbookWriter;
import dk.cmm.stats.storage.RecordWriter.WriteCounts;
import dk.cmm.stats.storage.Stamp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cmm-stats import FILE...}: all-or-nothing import of CSV, .xlsx and JSON Lines files; or a template to fill
 * in, CSV or a workbook with dropdowns.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Import records from CSV (with a header row; ';' or ','; UTF-8, or Windows-1252 as Danish "
                + "Excel saves plain CSV), Excel workbooks (.xlsx) or JSON Lines files, all or nothing.",
            "Every file is checked first; any problem is listed as file:line: field 'x': value 'y' is not ... "
                    + "(in a workbook file.xlsx:Sheet1!C7: ...), and then nothing is written. Records are upserted "
                    + "on their natural key, so importing a file again (say after a crash) makes no copies.",
            "The kind of records comes from --kind or from the file name (persons.csv, persons-2013.xlsx, "
                    + "outreach-activities.csv, hotline-calls.csv, programmes.csv, year-notes.csv).",
            "import --template persons --format xlsx -o persons-2013.xlsx writes a workbook to fill in, with a "
                    + "dropdown on every coded column." },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { "0:imported (or, with --dry-run, checked) without problems",
            "1:problems found; nothing was written", "2:wrong arguments" })
final class ImportCommand extends SpringCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "CSV (.csv), Excel (.xlsx) or JSON Lines (.jsonl) "
            + "files")
    List<Path> files = new ArrayList<>();

    @Option(names = "--kind", paramLabel = "KIND", converter = KindConverter.class,
            description = "What the files hold: persons, activities, hotline, programmes or year-notes "
                    + "(default: told by each file's name)")
    RecordKind kind;

    @Option(names = "--dry-run", description = "Check the files and tell what would be inserted, updated and "
            + "unchanged, without writing anything")
    boolean dryRun;

    @Option(names = "--template", paramLabel = "KIND", converter = KindConverter.class,
            description = "Write an empty file of KIND to fill in: CSV with its header row (printed), or with "
                    + "--format xlsx a workbook with dropdowns, comments and a sheet of the codes")
    RecordKind template;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "Format of the --template: csv (default) or xlsx")
    DataFormat format;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "da",
            description = "Language of the --template workbook's dropdowns and comments: da (default) or en")
    Lang lang;

    @Option(names = { "-o", "--output" }, paramLabel = "FILE",
            description = "Write the --template to FILE (a workbook needs one) instead of standard output")
    Path output;

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
            } catch (dk.cmm.stats.importer.RefusedFileException e) {
                // the file's content, not the command line: one line, no usage text, exit 1 as the help says
                spec.commandLine().getErr().println("cmm-stats: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return FriendlyErrors.FAILED;
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
        if (format == DataFormat.XLSX) {
            if (output == null) {
                throw new ParameterException(spec.commandLine(), "Give -o FILE.xlsx: a workbook is not printed");
            }
            try (OutputStream out = Files.newOutputStream(output);
                    XlsxWorkbookWriter workbook = XlsxWorkbookWriter.start(template, lang, Codebook.standard())) {
                workbook.finish(out);
            }
            spec.commandLine().getErr().println("cmm-stats: wrote the " + template.optionName() + " template to "
                    + output);
            spec.commandLine().getErr().flush();
            return 0;
        }
        if (format == DataFormat.JSONL) {
            throw new ParameterException(spec.commandLine(), "A --template is csv or xlsx");
        }
        try (Writer out = output != null ? Files.newBufferedWriter(output, StandardCharsets.UTF_8)
                : new OutputStreamWriter(System.out, StandardCharsets.UTF_8) {
                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                }) {
            RecordFileWriter.start(out, template, DataFormat.CSV, separator).flush();
        }
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
            out.println(file.file().name() + " (" + file.file().readAs() + "): "
                    + describe(file.counts(), report.dryRun()));
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
