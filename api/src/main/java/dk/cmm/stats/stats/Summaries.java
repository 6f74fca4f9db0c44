package dk.cmm.stats.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;

/**
 * Decodes the pipelines' results into records: group keys, and {@link NumericSummary}s from frequency tables
 * ({@link Pipelines#frequencies}). The median is exact: the middle value (or the mean of the two middle values) of
 * the values in order, found by walking the counts.
 */
final class Summaries {

    private Summaries() {
    }

    /** The key of a group from its {@code _id}: {@code {d0, d1, ...}}, or null for the one group of no groupBy. */
    static List<GroupKey> key(Object id, List<? extends Dimension> groupBy) {
        Document doc = id instanceof Document d ? d : new Document();
        List<GroupKey> key = new ArrayList<>();
        for (int i = 0; i < groupBy.size(); i++) {
            key.add(new GroupKey(groupBy.get(i).name(), code(doc.get("d" + i))));
        }
        return List.copyOf(key);
    }

    /** The group counts of the rows {@code {_id: {d0, d1, ...}, count}} of {@link Pipelines#groups}, by key. */
    static Map<List<GroupKey>, Integer> counts(Iterable<Document> groupRows, List<? extends Dimension> groupBy) {
        Map<List<GroupKey>, Integer> counts = new java.util.LinkedHashMap<>();
        for (Document group : groupRows) {
            // merged: a server that groups 2013 and 2013.0 apart still gives them one code
            counts.merge(key(group.get("_id"), groupBy), ((Number) group.get("count")).intValue(), Integer::sum);
        }
        return counts;
    }

    /**
     * A stored value as a code: whole numbers without a decimal point, whatever their BSON type. A number typed in
     * mongosh is a double (2013.0), and mongod's {@code $group} and {@code $in} take it for the integer 2013: the
     * one place where a stored value becomes a code says the same, so every path (a pipeline's groups, a batch's
     * rows, the release cells) gives 2013.0 the code "2013", and counts of one code are summed.
     */
    static String code(Object value) {
        if (value instanceof Double || value instanceof Float || value instanceof org.bson.types.Decimal128) {
            double d = ((Number) value).doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d)
                    : String.valueOf(value);
        }
        return value instanceof Number n ? String.valueOf(n.longValue()) : String.valueOf(value);
    }

    /** The summary of one frequency table {@code [{_id: value, n}]}. */
    static NumericSummary summary(List<Document> rows) {
        TreeMap<Double, Long> counts = new TreeMap<>();
        for (Document row : rows) {
            add(counts, row.get("_id"), row.get("n"));
        }
        return summary(counts);
    }

    private static void add(TreeMap<Double, Long> counts, Object value, Object n) {
        if (value instanceof Number v && n instanceof Number count) {
            counts.merge(v.doubleValue(), count.longValue(), Long::sum); // 30 and 30.0 are one value, as in $group
        }
    }

    /** Count, min, max, mean and exact median of the values a frequency table counts. */
    static NumericSummary summary(TreeMap<Double, Long> counts) {
        long count = counts.values().stream().mapToLong(Long::longValue).sum();
        if (count == 0) {
            return NumericSummary.EMPTY;
        }
        double sum = 0;
        for (Map.Entry<Double, Long> e : counts.entrySet()) {
            sum += e.getKey() * e.getValue();
        }
        double lower = valueAt(counts, (count - 1) / 2);
        double upper = valueAt(counts, count / 2);
        return new NumericSummary(Math.toIntExact(count), counts.firstKey(), counts.lastKey(), sum / count,
                (lower + upper) / 2);
    }

    /** The value at a 0-based position of the values in ascending order. */
    private static double valueAt(TreeMap<Double, Long> counts, long position) {
        long seen = 0;
        for (Map.Entry<Double, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (position < seen) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("position " + position + " beyond " + seen + " values");
    }
}
