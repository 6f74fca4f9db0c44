package dk.cmm.stats.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dk.cmm.stats.cli.bench.Bench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cmm-stats bench}: the benchmark of the issue "Scale and speed", on data of its own. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = { "Generate synthetic data into a fresh database of its own, then measure the GraphQL API "
                + "against the driver, the result cache, import and export, and print a table with the targets.",
                "The embedded default runs in a temporary folder; with --mongodb-uri the database cmm_bench on that "
                        + "server is used (and dropped first).",
                "Results go to stdout and to api/target/bench.json (or --json)." })
final class BenchCommand extends SpringCommand implements Callable<Integer> {

    static final String BENCH_DATABASE = "cmm_bench";

    @Spec
    CommandSpec spec;

    @Option(names = "--persons", defaultValue = "200000",
            description = "persons to generate; activities half as many, calls a quarter (default ${DEFAULT-VALUE})")
    int persons;

    @Option(names = "--mongodb-uri", description = "a MongoDB to benchmark instead of the embedded default")
    String mongoUri;

    @Option(names = "--clients", defaultValue = "16", description = "concurrent clients (default ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--requests", defaultValue = "40000",
            description = "requests of the cached throughput run (default ${DEFAULT-VALUE})")
    int requests;

    @Option(names = "--runs", defaultValue = "15", description = "timed runs per median (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--parts", split = ",", defaultValue = "api,cache,import,export,anonymous",
            description = "which measurements to run (default ${DEFAULT-VALUE})")
    java.util.Set<Bench.Part> parts;

    @Option(names = "--json", description = "where to write the results (default api/target/bench.json)")
    Path json;

    @Override
    public Integer call() {
        if (persons < 100 || clients < 1 || requests < 1 || runs < 1) {
            throw new ParameterException(spec.commandLine(), "--persons must be at least 100, and --clients, "
                    + "--requests and --runs at least 1");
        }
        Path out = json != null ? json : defaultJson();
        String uri = mongoUri == null ? null : BenchUris.withDatabase(mongoUri, BENCH_DATABASE);
        if (uri != null) {
            BenchUris.dropDatabase(uri);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        Bench.Options options = new Bench.Options(persons, uri, clients, requests, runs, out, List.of(springArgs),
                java.util.EnumSet.copyOf(parts));
        int rows = persons + persons / 2 + persons / 4;
        Progress progress = Progress.start("generate", rows);
        try {
            new Bench(options, stdout).run(progress::step, progress::close);
        } finally {
            progress.close();
        }
        return 0;
    }

    /** {@code api/target/bench.json} from the repository root, {@code target/bench.json} from {@code api/}. */
    private static Path defaultJson() {
        return Files.isDirectory(Path.of("api")) ? Path.of("api", "target", "bench.json")
                : Path.of("target", "bench.json");
    }
}
