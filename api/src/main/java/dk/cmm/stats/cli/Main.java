package dk.cmm.stats.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import picocli.CommandLine;

/**
 * The one entry point: {@code cmm-stats [subcommand] [options] [--spring.key=value ...]}. Arguments that look like
 * Spring properties ({@code --server.port=9090}, {@code --cmm.data-dir=/srv/cmm}) go to Spring; the rest to the
 * subcommand. {@code --debug}, anywhere, makes an error print its whole exception.
 */
public final class Main {

    /** Anywhere on the command line: an error prints its whole exception (for developers; it may quote a record). */
    static final String DEBUG = "--debug";

    private static final Pattern SPRING_PROPERTY = Pattern.compile("--[A-Za-z][\\w-]*(\\.[\\w\\[\\]-]+)+=.*");

    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = run(args);
        if (exitCode != ServeCommand.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }

    /**
     * An import checks its files before Spring starts and configures logging; until then logback's defaults would
     * print a library's own lines (POI's {@code WARN ZipPackage} on a damaged workbook) on the command's console.
     */
    private static void quietLibrariesUntilSpringConfiguresLogging() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger("org.apache.poi").setLevel(ch.qos.logback.classic.Level.OFF);
        }
    }

    /** Runs a command line and returns its exit code (or {@link ServeCommand#KEEP_RUNNING} while serving). */
    public static int run(String... args) {
        List<String> springArgs = new ArrayList<>();
        List<String> commandArgs = new ArrayList<>();
        boolean debug = false;
        for (String arg : args) {
            if (arg.equals(DEBUG)) {
                debug = true;
            } else {
                (SPRING_PROPERTY.matcher(arg).matches() ? springArgs : commandArgs).add(arg);
            }
        }
        quietLibrariesUntilSpringConfiguresLogging();
        CommandLine commandLine = new CommandLine(new RootCommand(springArgs.toArray(String[]::new)),
                new CommandFactory(springArgs.toArray(String[]::new)));
        commandLine.addSubcommand("faults", new FaultsCommand()); // hidden: the store's fault benchmark
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new FriendlyErrors(debug));
        return commandLine.execute(commandArgs.toArray(String[]::new));
    }
}
