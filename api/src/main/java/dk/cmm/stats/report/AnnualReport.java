package dk.cmm.stats.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.disclosure.Publication;
import dk.cmm.stats.disclosure.Release;

/**
 * The annual report as the command line makes it: exporting a year publishes it. The export asks the statistics,
 * shapes and renders the site and writes it ({@link ReportExporter}); then each exported year is published
 * ({@link Publication}), so callers without a token are answered from a release that keeps every number the report
 * states. The rule lives here, not in a command, so every caller that exports publishes.
 */
@Service
public class AnnualReport {

    private final ReportExporter exporter;
    private final Publication publication;

    AnnualReport(ReportExporter exporter, Publication publication) {
        this.exporter = exporter;
        this.publication = publication;
    }

    /** What an export wrote, and the releases that published its years, in order. */
    public record Published(ExportRun export, List<Release> releases) {
    }

    /** The years that have person data, ascending: what {@code --all-years} exports. */
    public List<Integer> reportYears() {
        return exporter.reportYears();
    }

    /** Where the templates are read from. */
    public String templatesDescription() {
        return exporter.templatesDescription();
    }

    /** Writes the years' reports into {@code out}, then publishes each year, recording {@code publishedBy}. */
    public Published exportAndPublish(Path out, List<Integer> years, Set<Lang> languages, String publishedBy) {
        ExportRun export = exporter.run(out, years, languages);
        List<Release> releases = new ArrayList<>();
        for (int year : years) {
            releases.addAll(publication.publish(year, publishedBy));
        }
        return new Published(export, List.copyOf(releases));
    }
}
