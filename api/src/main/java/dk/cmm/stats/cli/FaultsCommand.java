package dk.cmm.stats.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dk.cmm.stats.storage.KillTrial;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cmm-stats faults}: the fault benchmark of the embedded store (issue 15). A child JVM writes (bulk and
 * single inserts) under two concurrent readers and is killed with SIGKILL at a random moment, {@code --runs} times
 * on one data folder; after each kill the file is checked as the next owner opens it. Prints one line per run and
 * the totals; exits 1 when any run lost an acknowledged write, left an index disagreeing with its collection (a
 * "ghost" record), stored something twice, or a document could not be found by its {@code _id}.
 */
@Command(name = "faults", hidden = true, mixinStandardHelpOptions = true,
        description = "Kill a writing child JVM at random moments under concurrent reads, and check the store.")
final class FaultsCommand implements Callable<Integer> {

    @Option(names = "--runs", defaultValue = "50", description = "kills (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--min-ms", defaultValue = "500", description = "earliest kill after start (ms)")
    int minMs;

    @Option(names = "--max-ms", defaultValue = "5000", description = "latest kill after start (ms)")
    int maxMs;

    @Option(names = "--seed", description = "seed of the kill moments (default: random)")
    Long seed;

    @Option(names = "--dir", description = "data folder (default: a temporary one, deleted afterwards)")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        KillTrial.quietLogs();
        PrintWriter out = spec.commandLine().getOut();
        Path dataDir = dir != null ? dir : Files.createTempDirectory("cmm-faults");
        long usedSeed = seed != null ? seed : new Random().nextLong();
        Random random = new Random(usedSeed);
        out.printf("Kill trial: %d runs in %s, kills %d-%d ms after the child is ready, seed %d%n", runs, dataDir,
                minMs, maxMs, usedSeed);
        out.println("run  killed-after  acknowledged  found  lost  repaired-indexes  not-found-by-id  duplicates");
        List<KillTrial.Outcome> outcomes = new ArrayList<>();
        long started = System.nanoTime();
        for (int run = 1; run <= runs; run++) {
            KillTrial.Outcome o = KillTrial.run(dataDir, run, minMs + random.nextInt(Math.max(1, maxMs - minMs)));
            outcomes.add(o);
            out.printf("%3d  %9d ms  %12d  %5d  %4d  %16d  %15d  %10d%s%n", run, o.killedAfterMs(), o.acknowledged(),
                    o.found(), o.lost(), o.repairedIndexes(), o.notFoundById(), o.duplicates(),
                    o.passed() ? "" : "  FAILED");
            out.flush();
        }
        long passed = outcomes.stream().filter(KillTrial.Outcome::passed).count();
        out.printf("%nPassed %d of %d runs in %.0f s. Acknowledged %d writes; found %d (with those applied but "
                + "not yet acknowledged when the child was killed), lost %d; "
                + "indexes to repair on reopen: %d; documents not found by _id: %d; duplicates: %d%n", passed, runs,
                (System.nanoTime() - started) / 1e9, sum(outcomes, KillTrial.Outcome::acknowledged),
                sum(outcomes, KillTrial.Outcome::found), sum(outcomes, KillTrial.Outcome::lost),
                sum(outcomes, o -> o.repairedIndexes()), sum(outcomes, KillTrial.Outcome::notFoundById),
                sum(outcomes, KillTrial.Outcome::duplicates));
        out.flush();
        if (dir == null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return passed == runs ? 0 : FriendlyErrors.FAILED;
    }

    private static long sum(List<KillTrial.Outcome> outcomes, java.util.function.ToLongFunction<KillTrial.Outcome> f) {
        return outcomes.stream().mapToLong(f).sum();
    }
}
