package dk.cmm.stats.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** {@code cmm-stats}: with no subcommand it serves the API, like {@code cmm-stats serve}. */
@Command(name = "cmm-stats", mixinStandardHelpOptions = true, version = "cmm-stats 0.1",
        description = "Statistics of the Danish Centre against Human Trafficking: records in MongoDB, "
                + "a GraphQL API and the annual report.%n"
                + "Spring arguments (--server.port=9090, --cmm.data-dir=PATH, --spring.mongodb.uri=URI) "
                + "may follow any subcommand.",
        subcommands = { ServeCommand.class, ExportCommand.class, ImportCommand.class, DumpCommand.class,
            TokenCommand.class, PublishCommand.class, GenerateCommand.class, BenchCommand.class, picocli.CommandLine.HelpCommand.class })
final class RootCommand implements Callable<Integer> {

    private final String[] springArgs;

    RootCommand(String[] springArgs) {
        this.springArgs = springArgs;
    }

    @Override
    public Integer call() {
        ServeCommand serve = new ServeCommand();
        serve.springArgs = springArgs;
        return serve.call();
    }
}
