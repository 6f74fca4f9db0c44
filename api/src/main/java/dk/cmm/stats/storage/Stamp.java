package dk.cmm.stats.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Who last changed a record and when; the security layer supplies the who, until then {@code system}. */
public record Stamp(String by, Instant at) {

    public static final String SYSTEM = "system";

    /** Now, to the millisecond, which is what MongoDB stores: a stamp reads back equal to the one written. */
    public static Stamp now(String by) {
        return new Stamp(by, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
