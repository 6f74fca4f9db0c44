package dk.cmm.stats.cli;

import java.util.concurrent.Callable;

import org.springframework.boot.SpringApplication;

import dk.cmm.stats.CmmStatsApplication;
import picocli.CommandLine.Command;

/** {@code cmm-stats serve}: the GraphQL API (and GraphiQL) over HTTP until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the GraphQL API at http://localhost:8080/graphql and GraphiQL at /graphiql.")
final class ServeCommand extends SpringCommand implements Callable<Integer> {

    /** Returned while the web server keeps the process alive. */
    static final int KEEP_RUNNING = Integer.MIN_VALUE;

    @Override
    public Integer call() {
        SpringApplication.run(CmmStatsApplication.class, springArgs);
        return KEEP_RUNNING;
    }
}
