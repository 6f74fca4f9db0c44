package dk.cmm.stats.cli;

import picocli.CommandLine;

/** Hands every subcommand the Spring arguments of the command line. */
final class CommandFactory implements CommandLine.IFactory {

    private final String[] springArgs;

    CommandFactory(String[] springArgs) {
        this.springArgs = springArgs;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        K instance = CommandLine.defaultFactory().create(type);
        if (instance instanceof SpringCommand command) {
            command.springArgs = springArgs;
        }
        return instance;
    }
}
