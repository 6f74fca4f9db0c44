package dk.cmm.stats.cli;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.disclosure.Release;
import dk.cmm.stats.report.AnnualReport;
import dk.cmm.stats.report.ExportResult;
import dk.cmm.stats.report.ExportRun;
import dk.cmm.stats.security.Actors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cmm-stats export --year 2012}: the annual report as a static site, in Danish and English. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the annual report of a year as a static site: <out>/<year>/index.html (Danish), "
                + "<out>/<year>/en/index.html (English), a CSV per figure and the key numbers as JSON in "
                + "<out>/<year>/data/, and <out>/index.html listing every exported year.",
                "Templates are read from ./site-templates when it exists (--cmm.report.templates=PATH to choose), "
                        + "else from the copy in the application."})
final class ExportCommand extends SpringCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--year", paramLabel = "YEAR", description = "the year to export, e.g. 2012")
        Integer year;

        @Option(names = "--all-years", description = "export every year that has person data")
        boolean allYears;
    }

    @Option(names = "--out", paramLabel = "FOLDER", defaultValue = "exports",
            description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--lang", paramLabel = "LANG", split = ",", defaultValue = "da,en",
            description = "languages, comma-separated: da, en (default: ${DEFAULT-VALUE})")
    List<Lang> languages;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        try (ConfigurableApplicationContext context = startBatch()) {
            long started = System.nanoTime();
            AnnualReport report = context.getBean(AnnualReport.class);
            List<Integer> years = which.allYears ? report.reportYears() : List.of(which.year);
            Set<Lang> langs = new LinkedHashSet<>(languages);
            AnnualReport.Published published = report.exportAndPublish(out, years, langs, Actors.LOCAL);
            ExportRun run = published.export();
            var printer = spec.commandLine().getOut();
            for (ExportResult result : run.years()) {
                printer.printf(Locale.ROOT, "Wrote %s (%d files; %s)%n", result.folder(), result.files().size(),
                        String.join(", ", langs.stream().map(Lang::tag).toList()));
            }
            printer.printf(Locale.ROOT, "Wrote %s listing every exported year; templates from %s%n",
                    out.resolve("index.html"), report.templatesDescription());
            printer.printf(Locale.ROOT, "Export %.2f s: %s (start-up %.2f s)%n", run.seconds(), run.phases(),
                    (started - start) / 1e9);
            for (Release release : published.releases()) {
                printer.printf(Locale.ROOT, "Published %s %d (release %d): %d of %d cells withheld%s%n",
                        release.subject().toLowerCase(Locale.ROOT), release.year(), release.revision(),
                        release.audit().withheld(), release.audit().cells(),
                        release.audit().loss() == null ? "" : "; " + release.audit().loss());
            }
            printer.flush();
            return 0;
        }
    }
}
