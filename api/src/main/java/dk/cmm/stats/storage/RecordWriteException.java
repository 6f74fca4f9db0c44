package dk.cmm.stats.storage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.WriteConcernError;
import com.mongodb.bulk.BulkWriteError;

/**
 * The database refused (or did not confirm) a write of a record. It names the record by its key and says what
 * happened in our words: never the server's message, which can quote a record's values (a duplicate on a unique
 * index quotes the indexed fields; the embedded server's internal errors could quote the whole document). The
 * importer adds the file and line of the record.
 */
public class RecordWriteException extends RuntimeException {

    private static final Pattern INDEX = Pattern.compile("index: (\\S+) dup key");

    private final Object key;
    private final String reason;

    public RecordWriteException(Object key, String reason) {
        super("the database refused the record " + key + ": " + reason);
        this.key = key;
        this.reason = reason;
    }

    /** The key of the record, or null when the refusal concerns the whole write. */
    public Object key() {
        return key;
    }

    public String reason() {
        return reason;
    }

    static RecordWriteException of(Object key, BulkWriteError error) {
        if (ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY) {
            Matcher index = INDEX.matcher(String.valueOf(error.getMessage()));
            return new RecordWriteException(key, "another stored record has the same value in the unique index "
                    + (index.find() ? index.group(1) : "of the collection") + " (error " + error.getCode() + ")");
        }
        return new RecordWriteException(key, "error " + error.getCode() + codeName(error.getMessage()));
    }

    static RecordWriteException unconfirmed(WriteConcernError error) {
        return new RecordWriteException(null, "the write was not confirmed as asked (write concern error "
                + error.getCode() + " " + error.getCodeName() + "); it may or may not have been applied: run it "
                + "again (writing again makes no copies)");
    }

    /** Whether a duplicate-key error is on {@code _id}: the record is stored already. */
    static boolean isDuplicateId(BulkWriteError error) {
        return ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY
                && String.valueOf(error.getMessage()).contains("index: _id_ ");
    }

    private static String codeName(String message) {
        // the embedded server's internal errors start with our own words (DurableH2Backend), never a value
        return message != null && message.startsWith("the embedded MongoDB") ? " (" + message + ")" : "";
    }
}
