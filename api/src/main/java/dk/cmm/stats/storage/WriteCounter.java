package dk.cmm.stats.storage;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Counts the write commands the embedded server applies, per collection: what the process running the server can
 * key cached answers by instead of asking the database for the data version. Only writes to the collections an
 * answer depends on count for it, so writing an audit entry or a token does not empty the statistics cache.
 * A write the counter cannot attribute to one collection (dropping a database, renaming, {@code $out}) counts for
 * every collection.
 */
final class WriteCounter {

    /** Commands whose value names the one collection they write. */
    private static final Set<String> COLLECTION_WRITES = Set.of("insert", "update", "delete", "findandmodify",
            "create", "createindexes", "drop", "dropindexes");
    /** Commands that may change any collection. */
    private static final Set<String> OTHER_WRITES = Set.of("dropdatabase", "renamecollection");

    private final ConcurrentHashMap<String, AtomicLong> perCollection = new ConcurrentHashMap<>();
    private final AtomicLong everywhere = new AtomicLong();

    /** Counts the command if it writes; call after it was applied. */
    void applied(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (COLLECTION_WRITES.contains(name) && query.get(command) instanceof String collection) {
            counter(collection).incrementAndGet();
        } else if (COLLECTION_WRITES.contains(name) || OTHER_WRITES.contains(name) || writesFromPipeline(name, query)) {
            everywhere.incrementAndGet();
        }
    }

    /** Counts a write to every collection (a database dropped through the backend's API). */
    void appliedEverywhere() {
        everywhere.incrementAndGet();
    }

    /** A number that grows with every write to any of {@code collections}, and with no other write. */
    LongSupplier sequence(Collection<String> collections) {
        List<AtomicLong> counters = collections.stream().distinct().map(this::counter).toList();
        return () -> {
            long sum = everywhere.get();
            for (AtomicLong counter : counters) {
                sum += counter.get();
            }
            return sum;
        };
    }

    private AtomicLong counter(String collection) {
        return perCollection.computeIfAbsent(collection, c -> new AtomicLong());
    }

    private static boolean writesFromPipeline(String command, Document query) {
        return command.equals("aggregate") && query.get("pipeline") instanceof List<?> stages
                && stages.stream().anyMatch(s -> s instanceof Document stage
                        && (stage.containsKey("$out") || stage.containsKey("$merge")));
    }
}
