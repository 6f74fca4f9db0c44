package dk.cmm.stats.storage;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.exception.MongoServerError;

/**
 * Whether the embedded store can still write. A failed write of the H2 file (a full disk, an I/O error) makes H2
 * close the store for good: nothing can be read or written through it until the process opens the file again. From
 * then on every command is refused with {@link #message()} (say "no space left on device; restart cmm-stats"),
 * the health endpoints report the store down, and {@code serve} exits non-zero so a supervisor restarts it (see
 * docs/operating.md). What was acknowledged before the failure is in the file and survives the restart.
 */
public final class StorageState {

    /** The error code of a refusal: mongod's own OutOfDiskSpace, which no driver retries. */
    static final int REFUSED = 14_031;

    /** The error code the embedded server refuses commands with once the store failed. */
    public static int outOfDiskSpaceCode() {
        return REFUSED;
    }

    private static final Logger log = LoggerFactory.getLogger(StorageState.class);

    private final Path file;
    private final AtomicReference<String> failure = new AtomicReference<>();

    StorageState(Path file) {
        this.file = file;
    }

    /** Why the store stopped, in words; empty while it works. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure.get());
    }

    public boolean failed() {
        return failure.get() != null;
    }

    /** The message every refused request carries. */
    public String message() {
        return "the embedded MongoDB's data file " + file.toAbsolutePath() + " could not be written ("
                + failure.get() + "); the store is closed and nothing can be read or written until cmm-stats is "
                + "restarted: free space (or fix the disk), then restart it; every acknowledged write is kept";
    }

    void failed(Throwable cause) {
        if (failure.compareAndSet(null, rootMessage(cause))) {
            log.error("Storage failed: {}", message());
        }
    }

    void refuseIfFailed(boolean readOnly) {
        if (failed()) {
            throw refusal();
        }
    }

    MongoServerError refusal() {
        return new MongoServerError(REFUSED, "OutOfDiskSpace", message());
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        if (text.contains("No space left on device") || e.toString().contains("No space left on device")) {
            return "No space left on device";
        }
        return text.replaceAll("\\s*\\[[0-9./-]+]\\s*$", ""); // H2 appends its version: not the staff's concern
    }
}
