package dk.cmm.stats.storage;

import java.time.Instant;

/** Who last changed a record and when; the security layer supplies the who, until then {@code system}. */
public record Stamp(String by, Instant at) {

    public static final String SYSTEM = "system";

    public static Stamp now(String by) {
        return new Stamp(by, Instant.now());
    }
}
