package dk.cmm.stats.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ConfigurableApplicationContext;

import dk.cmm.stats.importer.RecordKind;
import dk.cmm.stats.importer.SyntheticData;
import dk.cmm.stats.storage.RecordWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cmm-stats generate}: fills the database with synthetic records drawn from the bundled 2012 data. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = { "Write synthetic persons, outreach activities and hotline calls whose distributions follow "
                + "the bundled 2012 records, for benchmarks and load tests. The same seed gives the same records; "
                + "they are validated and upserted like an import, so a rerun duplicates nothing.",
                "Use a data folder (or database) of its own: --cmm.data-dir=bench-data" })
final class GenerateCommand extends SpringCommand implements Callable<Integer> {

    private static final Pattern YEARS = Pattern.compile("(\\d{4})(?:-(\\d{4}))?");

    @Spec
    CommandSpec spec;

    @Option(names = "--persons", defaultValue = "200000", description = "persons to write (default ${DEFAULT-VALUE})")
    int persons;

    @Option(names = "--activities", defaultValue = "100000",
            description = "outreach activities to write (default ${DEFAULT-VALUE})")
    int activities;

    @Option(names = "--calls", defaultValue = "50000", description = "hotline calls to write (default ${DEFAULT-VALUE})")
    int calls;

    @Option(names = "--years", defaultValue = "2002-2025", description = "year range, e.g. 2002-2025 (default ${DEFAULT-VALUE})")
    String years;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        SyntheticData.Plan plan = plan();
        Map<RecordKind, RecordWriter.WriteCounts> counts;
        try (ConfigurableApplicationContext context = startBatch();
                Progress progress = Progress.start("generate", plan.total())) {
            counts = context.getBean(SyntheticData.class).write(plan, progress::step);
        }
        counts.forEach((kind, c) -> spec.commandLine().getOut().printf("%s: %d inserted, %d updated, %d unchanged%n",
                kind.fileName(), c.inserted(), c.updated(), c.unchanged()));
        return 0;
    }

    private SyntheticData.Plan plan() {
        Matcher range = YEARS.matcher(years);
        if (!range.matches()) {
            throw new ParameterException(spec.commandLine(), "--years takes a year or a range like 2002-2025, not '"
                    + years + "'");
        }
        int from = Integer.parseInt(range.group(1));
        int to = range.group(2) == null ? from : Integer.parseInt(range.group(2));
        try {
            return new SyntheticData.Plan(persons, activities, calls, from, to, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
