package dk.cmm.stats.cli;

import java.util.Optional;

import com.mongodb.MongoException;

import dk.cmm.stats.importer.FileImporter;
import dk.cmm.stats.storage.EmbeddedMongo;
import dk.cmm.stats.storage.RecordWriteException;
import dk.cmm.stats.storage.StorageState;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints what went wrong in one line instead of a stack trace; a stack trace would bury the answer a member of staff
 * needs ("the data folder is in use", "file:line: field …"). An error of the database is told in our words (the
 * record's key, the file and line, what to do), never with the server's message: that can quote a record's values,
 * and the people in these records are victims of trafficking. {@code --debug} prints the whole exception, for a
 * developer, and is the only way a server's message reaches the console.
 */
final class FriendlyErrors implements IExecutionExceptionHandler {

    static final int FAILED = 1;

    private final boolean debug;

    FriendlyErrors(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        if (debug) {
            e.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().println("cmm-stats: " + describe(e));
        commandLine.getErr().flush();
        return FAILED;
    }

    static String describe(Throwable e) {
        Optional<String> unreachable = EmbeddedMongo.describeUnreachable(e);
        if (unreachable.isPresent()) {
            return unreachable.get();
        }
        Throwable root = e;
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RecordWriteException || cause instanceof FileImporter.ImportWriteException) {
                return cause.getMessage(); // ours, naming the record by its key only
            }
            if (cause instanceof com.mongodb.MongoServerException server) {
                return server.getCode() == StorageState.outOfDiskSpaceCode()
                        ? (server instanceof com.mongodb.MongoCommandException c ? c.getErrorMessage() : "the store failed")
                        : "the database refused the operation (error " + server.getCode() + "); run again with "
                                + "--debug to see the server's message (it may quote a record)";
            }
            if (cause instanceof MongoException mongo) {
                return "the database could not be reached or failed (" + mongo.getClass().getSimpleName()
                        + "); check that it runs, or run again with --debug for the details";
            }
            root = cause;
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
