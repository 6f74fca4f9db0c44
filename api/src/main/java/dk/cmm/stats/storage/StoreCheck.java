package dk.cmm.stats.storage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, when the H2 file is opened and before the server starts, that every collection agrees with its unique
 * indexes ({@code _id} and the others): one index entry per stored document. A file written before
 * {@link DurableH2Backend} made each command and its commit one unit could hold a document without its index entry
 * (a "ghost": returned by a scan, missing for {@code findOne({_id})}, refused as a duplicate by every insert), or an
 * entry without its document.
 * <p>
 * The check compares sizes, which costs nothing; only where they differ does it read the collection to name the
 * records. A disagreeing index is emptied, and mongo-java-server rebuilds an empty index from the documents when it
 * opens the database; {@link #verify} then checks again and stops with a message naming the collection and the
 * record when the rebuild did not make them agree.
 */
final class StoreCheck {

    private static final Logger log = LoggerFactory.getLogger(StoreCheck.class);

    static final String DATA_PREFIX = "databases.";
    static final String INDEX_INFIX = "._index_";

    private StoreCheck() {
    }

    /** What a check found and did: one line per index repaired. */
    record Result(List<String> repaired) {
    }

    /** Empties every unique index that disagrees with its collection (so that the server rebuilds it). */
    static Result repair(MVStore store) {
        List<String> repaired = new ArrayList<>();
        for (Pair pair : pairs(store)) {
            Disagreement found = compare(store, pair);
            if (found != null) {
                String line = "index " + pair.indexName() + " of " + pair.collection() + " disagreed with its "
                        + "documents (" + found + "); rebuilt from the documents";
                log.warn("Repairing the embedded store: {}", line);
                store.openMap(pair.indexMap()).clear();
                repaired.add(line);
            }
        }
        if (!repaired.isEmpty()) {
            store.commit();
        }
        return new Result(repaired);
    }

    /** After the server opened the store: every index agrees, or a {@link DamagedStoreException}. */
    static void verify(MVStore store) {
        for (Pair pair : pairs(store)) {
            Disagreement found = compare(store, pair);
            if (found != null) {
                throw new DamagedStoreException(pair.collection(), pair.indexName(), found);
            }
        }
    }

    private static List<Pair> pairs(MVStore store) {
        Set<String> names = store.getMapNames();
        List<Pair> pairs = new ArrayList<>();
        for (String name : names) {
            int infix = name.indexOf(INDEX_INFIX);
            if (infix <= 0 || name.startsWith(DATA_PREFIX)) {
                continue;
            }
            String collection = name.substring(0, infix);
            if (names.contains(DATA_PREFIX + collection)) {
                pairs.add(new Pair(collection, name.substring(infix + INDEX_INFIX.length()), name));
            }
        }
        return pairs;
    }

    private static Disagreement compare(MVStore store, Pair pair) {
        MVMap<Object, Object> data = store.openMap(DATA_PREFIX + pair.collection());
        MVMap<Object, Object> index = store.openMap(pair.indexMap());
        if (isSparse(store, pair)) {
            return null; // documents without the key have no entry: sizes tell nothing
        }
        if (data.sizeAsLong() == index.sizeAsLong()) {
            return null;
        }
        Set<Object> indexed = new HashSet<>(index.values());
        List<Object> unindexed = new ArrayList<>();
        for (Object key : data.keySet()) {
            if (!indexed.remove(key)) {
                unindexed.add(key);
            }
        }
        return new Disagreement(data.sizeAsLong(), index.sizeAsLong(), unindexed, new ArrayList<>(indexed));
    }

    /** Whether the index was created sparse (its description in the database's {@code system.indexes}). */
    private static boolean isSparse(MVStore store, Pair pair) {
        String database = pair.collection().substring(0, pair.collection().indexOf('.'));
        String indexes = DATA_PREFIX + database + ".system.indexes";
        if (!store.hasMap(indexes)) {
            return false;
        }
        for (Object value : store.openMap(indexes).values()) {
            if (value instanceof Map<?, ?> description && pair.indexName().equals(description.get("name"))
                    && String.valueOf(description.get("ns")).equals(pair.collection())) {
                return Boolean.TRUE.equals(description.get("sparse"));
            }
        }
        return false;
    }

    private record Pair(String collection, String indexName, String indexMap) {
    }

    /** The keys of the documents without an index entry, and of the entries without a document. */
    record Disagreement(long documents, long entries, List<Object> unindexed, List<Object> orphaned) {

        @Override
        public String toString() {
            return documents + " documents, " + entries + " index entries"
                    + (unindexed.isEmpty() ? "" : "; not in the index: " + keys(unindexed))
                    + (orphaned.isEmpty() ? "" : "; in the index without a document: " + keys(orphaned));
        }

        private static String keys(List<Object> keys) {
            List<String> shown = keys.stream().limit(5).map(String::valueOf).toList();
            return String.join(", ", shown) + (keys.size() > 5 ? " and " + (keys.size() - 5) + " more" : "");
        }
    }

    /** The store disagrees with itself even after a rebuild: a person must look at it. */
    public static final class DamagedStoreException extends RuntimeException {
        DamagedStoreException(String collection, String index, Disagreement found) {
            super("The embedded store's collection " + collection + " disagrees with its index " + index + " ("
                    + found + ") and could not be repaired. Restore the data folder from a backup, or dump what "
                    + "can be read and import it into a new folder.");
        }
    }
}
