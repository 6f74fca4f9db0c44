package dk.cmm.stats.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dk.cmm.stats.disclosure.Publication;
import dk.cmm.stats.disclosure.Release;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cmm-stats publish --year 2012}: freezes a year's protected tables as what the public API answers from. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publish a year: build its protected tables (persons and hotline calls) from the data as it "
                + "is now, audit them against an attacker who solves for the withheld cells, and store them as a "
                + "release. Callers without a token are answered from the latest release of each year only; a "
                + "year published again is a revision, protected with the earlier release as known.",
                "Exporting the report of a year publishes it too."})
final class PublishCommand extends SpringCommand implements Callable<Integer> {

    @Option(names = "--year", paramLabel = "YEAR", required = true, split = ",",
            description = "the year(s) to publish, e.g. 2012 or 2011,2012")
    List<Integer> years;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = startBatch()) {
            Publication publication = context.getBean(Publication.class);
            var out = spec.commandLine().getOut();
            for (int year : years) {
                for (Release release : publication.publish(year, dk.cmm.stats.security.Actors.LOCAL)) {
                    Release.Audit audit = release.audit();
                    out.printf(Locale.ROOT, "Published %s %d, revision %d: %d cells, %d withheld (%d small counts "
                            + "audited, %d rounds), built in %d ms%s%n", release.subject().toLowerCase(Locale.ROOT),
                            release.year(), release.revision(), audit.cells(), audit.withheld(), audit.audited(),
                            audit.rounds(), audit.millis(), audit.loss() == null ? "" : "; " + audit.loss());
                    Release.Noise noise = release.noise();
                    if (noise != null) {
                        out.printf(Locale.ROOT, "  noisy layer: %d cells with a noisy count from %d tables (σ = %s); "
                                + "this release ρ = %.4f; the year's releases so far ρ = %.4f, ε = %.2f at δ = 1e-6 "
                                + "(zCDP)%s%n", release.noisy().size(), noise.tables().size(),
                                new java.math.BigDecimal(noise.sigma()).stripTrailingZeros().toPlainString(),
                                noise.rho(), noise.rhoYear(), noise.epsilonYear(),
                                noise.failed().isEmpty() ? "" : "; not solved, left withheld: " + noise.failed());
                    }
                }
            }
            out.flush();
            return 0;
        }
    }
}
