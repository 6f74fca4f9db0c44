package dk.cmm.stats.storage;

import java.util.Optional;

import org.springframework.dao.DataAccessResourceFailureException;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;

/**
 * Whether an exception means that the store cannot serve now (its server unreachable or timed out, or the embedded
 * store failed, as on a full disk), told in words without the server's message except our own (a server's message
 * can quote a record). Such a failure is answered as "unavailable, try again later" (HTTP 503, GraphQL
 * {@code UNAVAILABLE}) wherever it surfaces, in a filter or in a field, never as an internal error.
 */
public final class StorageErrors {

    private StorageErrors() {
    }

    /** Why the store cannot serve, when {@code error} (or one of its causes) says it cannot; else empty. */
    public static Optional<String> unavailable(Throwable error) {
        Optional<String> guest = EmbeddedMongo.describeUnreachable(error);
        if (guest.isPresent()) {
            return guest;
        }
        boolean resourceFailure = false;
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof MongoSocketException || e instanceof MongoTimeoutException) {
                return Optional.of("the database cannot be reached (" + e.getClass().getSimpleName()
                        + "); try again later");
            }
            Optional<String> failed = failedStore(e);
            if (failed.isPresent()) {
                return failed;
            }
            resourceFailure |= e instanceof DataAccessResourceFailureException;
        }
        return resourceFailure ? Optional.of("the database cannot be reached; try again later") : Optional.empty();
    }

    /** The embedded store's refusal after it failed: its message is ours ({@link StorageState#message()}). */
    private static Optional<String> failedStore(Throwable e) {
        if (e instanceof MongoWriteException write && write.getError().getCode() == StorageState.REFUSED) {
            return Optional.of(write.getError().getMessage());
        }
        if (e instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream().filter(w -> w.getCode() == StorageState.REFUSED).findFirst()
                    .map(com.mongodb.WriteError::getMessage);
        }
        if (e instanceof MongoCommandException command && command.getErrorCode() == StorageState.REFUSED) {
            return Optional.of(command.getErrorMessage());
        }
        if (e instanceof MongoServerException server && server.getCode() == StorageState.REFUSED) {
            return Optional.of("the embedded MongoDB's store failed and needs a restart");
        }
        if (e instanceof RecordWriteException refused && refused.reason().startsWith("error " + StorageState.REFUSED)) {
            return Optional.of("the embedded MongoDB's store failed and needs a restart");
        }
        return Optional.empty();
    }

    /**
     * Whether the exception comes from the database: its messages can then quote a record, so a log names only the
     * classes of its causes.
     */
    public static boolean fromDatabase(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof com.mongodb.MongoException || e instanceof org.springframework.dao.DataAccessException
                    || e instanceof RecordWriteException) {
                return true;
            }
        }
        return false;
    }

    /** The classes of the exception and its causes, for a log line: {@code UncategorizedMongoDbException < MongoWriteException}. */
    public static String classes(Throwable error) {
        StringBuilder out = new StringBuilder();
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            out.append(out.isEmpty() ? "" : " < ").append(e.getClass().getSimpleName());
            if (e instanceof MongoServerException server) {
                out.append(" (code ").append(server.getCode()).append(')');
            }
        }
        return out.toString();
    }
}
