package dk.cmm.stats.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints what went wrong in one line (the root cause's message) instead of a stack trace; a stack trace would bury
 * the answer a member of staff needs ("the data folder is in use", "file:line: field …").
 */
final class FriendlyErrors implements IExecutionExceptionHandler {

    static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        commandLine.getErr().println("cmm-stats: " + (cause.getMessage() != null ? cause.getMessage() : cause));
        return FAILED;
    }
}
