package dk.cmm.stats.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.storage.DataVersion;

/**
 * The protected tables of the anonymous API, built on demand and kept until the data changes (keyed by the data
 * version, so every instance sharing a database agrees). A table over axes A is always built after the tables over
 * every subset of A, from counts that one aggregation pipeline per table computes in MongoDB.
 */
@Component
public class ProtectedTables {

    private final MongoTemplate mongo;
    private final DataVersion dataVersion;
    private final DisclosureControl control;
    private final Map<TableSource, Map<List<String>, ProtectedTable>> cache = new HashMap<>();
    private final Map<TableSource, Map<String, Axis>> axes = new HashMap<>();
    private long cachedVersion = Long.MIN_VALUE;

    public ProtectedTables(MongoTemplate mongo, DataVersion dataVersion, DisclosureProperties properties) {
        this.mongo = mongo;
        this.dataVersion = dataVersion;
        this.control = new DisclosureControl(properties.k());
    }

    public int k() {
        return control.k();
    }

    /** The protected table over the given axes (any order; the table's axes are sorted by name). */
    public synchronized ProtectedTable table(TableSource source, java.util.Collection<String> axisNames) {
        long version = dataVersion.current();
        if (version != cachedVersion) {
            cache.clear();
            axes.clear();
            cachedVersion = version;
        }
        List<String> sorted = axisNames.stream().distinct().sorted().toList();
        return build(source, sorted);
    }

    private ProtectedTable build(TableSource source, List<String> names) {
        Map<List<String>, ProtectedTable> tables = cache.computeIfAbsent(source, s -> new HashMap<>());
        ProtectedTable cached = tables.get(names);
        if (cached != null) {
            return cached;
        }
        Map<List<String>, ProtectedTable> lower = new HashMap<>();
        for (int drop = 0; drop < names.size(); drop++) {
            List<String> subset = new ArrayList<>(names);
            subset.remove(drop);
            ProtectedTable sub = build(source, subset);
            lower.put(subset, sub);
            collectLower(tables, subset, lower);
        }
        ProtectedTable table = control.protect(counts(source, names), lower);
        tables.put(names, table);
        return table;
    }

    private static void collectLower(Map<List<String>, ProtectedTable> tables, List<String> names,
            Map<List<String>, ProtectedTable> into) {
        for (int drop = 0; drop < names.size(); drop++) {
            List<String> subset = new ArrayList<>(names);
            subset.remove(drop);
            into.put(subset, tables.get(subset));
            collectLower(tables, subset, into);
        }
    }

    private CountTable counts(TableSource source, List<String> names) {
        List<Axis> tableAxes = names.stream().map(name -> axis(source, name)).toList();
        Map<List<String>, Long> counts = new HashMap<>();
        for (Document row : aggregate(source, names)) {
            Document id = row.get("_id", Document.class);
            List<String> key = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                key.add(leafId(source.axisOf(names.get(i)), id, i));
            }
            counts.merge(key, ((Number) row.get("n")).longValue(), Long::sum);
        }
        return new CountTable(tableAxes, counts);
    }

    /** An axis with every code the data holds (and UNKNOWN for an absent value), built once per data version. */
    private Axis axis(TableSource source, String name) {
        return axes.computeIfAbsent(source, s -> new HashMap<>()).computeIfAbsent(name, n -> {
            TableSource.AxisSpec spec = source.axisOf(n);
            Map<String, String> groupOfLeaf = new TreeMap<>(Comparator.naturalOrder());
            for (Document row : aggregate(source, List.of(n))) {
                Document id = row.get("_id", Document.class);
                String leaf = code(id.get("d0"));
                groupOfLeaf.put(leaf, spec.groupField() == null ? Axis.ROOT : code(id.get("g0")));
            }
            if (spec.groupField() == null) {
                return Axis.flat(n, List.copyOf(groupOfLeaf.keySet()));
            }
            Map<String, String> ordered = new LinkedHashMap<>();
            groupOfLeaf.entrySet().stream()
                    .sorted(Map.Entry.<String, String>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> ordered.put(e.getKey(), e.getValue()));
            return Axis.grouped(n, ordered);
        });
    }

    private static String leafId(TableSource.AxisSpec spec, Document id, int i) {
        String leaf = code(id.get("d" + i));
        return spec.groupField() == null ? leaf : Axis.leafId(code(id.get("g" + i)), leaf);
    }

    private List<Document> aggregate(TableSource source, List<String> names) {
        Document key = new Document();
        for (int i = 0; i < names.size(); i++) {
            TableSource.AxisSpec spec = source.axisOf(names.get(i));
            key.append("d" + i, new Document("$ifNull", List.of("$" + spec.field(), Codebook.UNKNOWN)));
            if (spec.groupField() != null) {
                key.append("g" + i, new Document("$ifNull", List.of("$" + spec.groupField(), Codebook.UNKNOWN)));
            }
        }
        List<Document> pipeline = List.of(new Document("$group", new Document("_id", key)
                .append("n", new Document("$sum", 1))));
        return mongo.getCollection(source.collection()).aggregate(pipeline).allowDiskUse(true)
                .into(new ArrayList<>());
    }

    /** A stored value as a code: whole numbers without a decimal point, as the statistics service writes them. */
    static String code(Object value) {
        return value instanceof Number n && !(value instanceof Double) ? String.valueOf(n.longValue())
                : String.valueOf(value);
    }
}
