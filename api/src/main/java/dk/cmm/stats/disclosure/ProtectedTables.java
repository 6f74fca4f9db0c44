package dk.cmm.stats.disclosure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bson.Document;
import org.springframework.stereotype.Component;

import dk.cmm.stats.stats.StatsService;
import dk.cmm.stats.storage.DataVersion;

/**
 * The protected tables of the anonymous API, built on demand and kept until the data changes (keyed by the data
 * version, so every instance sharing a database agrees). Tables come in families: the yearly totals (the year axis
 * alone, over all records), and per year the tables over any other axes of that year's records, whose grand total
 * takes its status from the yearly totals. Within a family, a table over axes A is built after the tables over
 * every subset of A, from counts that one aggregation pipeline per table computes in MongoDB (built, like every
 * pipeline, by {@code stats.Pipelines}).
 */
@Component
public class ProtectedTables {

    private final StatsService stats;
    private final DataVersion dataVersion;
    private final DisclosureControl control;
    private final Map<Family, Map<List<String>, ProtectedTable>> cache = new HashMap<>();
    private final Map<TableSource, Map<String, Axis>> axes = new HashMap<>();
    /** Cells a larger table showed must be withheld too, per family and table. */
    private final Map<Family, Map<List<String>, java.util.Set<List<String>>>> forced = new HashMap<>();
    private long cachedVersion = Long.MIN_VALUE;

    /** A family of linked tables: a source's yearly totals (year null), or one year of it. */
    private record Family(TableSource source, String year) {
    }

    private final Map<Family, Map<List<String>, CountTable>> counts = new HashMap<>();
    private final java.util.Set<TableSource> ready = new java.util.HashSet<>();
    private final int maxDimensions;
    private int seriesGeneration;

    public ProtectedTables(StatsService stats, DataVersion dataVersion, DisclosureProperties properties) {
        this.stats = stats;
        this.dataVersion = dataVersion;
        this.control = new DisclosureControl(properties.k());
        this.maxDimensions = properties.maxDimensions();
    }

    public int k() {
        return control.k();
    }

    /** The yearly totals: the year axis over all records. */
    public synchronized ProtectedTable years(TableSource source) {
        refresh();
        ensure(source);
        return withEscalation(new Family(source, null), List.of(source.yearAxis()));
    }

    /** The protected table over the given axes (any order, sorted by name) of one year's records. */
    public synchronized ProtectedTable table(TableSource source, String year, Collection<String> axisNames) {
        Objects.requireNonNull(year, "a table of one year");
        refresh();
        List<String> sorted = axisNames.stream().distinct().sorted().toList();
        if (sorted.contains(source.yearAxis())) {
            throw new IllegalArgumentException("a table of one year has no year axis");
        }
        ensure(source);
        return withEscalation(new Family(source, year), sorted);
    }

    /**
     * Builds every table an anonymous question can reach (the yearly totals, and per year every table over up to
     * {@code maxDimensions} axes) before the first answer, so that a withheld cell pushed down from a larger table
     * to a smaller one is withheld before anything was published: no answer changes between two questions.
     */
    private void ensure(TableSource source) {
        if (ready.contains(source)) {
            return;
        }
        withEscalation(new Family(source, null), List.of(source.yearAxis()));
        List<String> others = source.axes().stream().map(TableSource.AxisSpec::name)
                .filter(name -> !name.equals(source.yearAxis())).toList();
        List<List<String>> subsets = new ArrayList<>();
        for (int mask = 0; mask < (1 << others.size()); mask++) {
            if (Integer.bitCount(mask) <= maxDimensions) {
                List<String> subset = new ArrayList<>();
                for (int i = 0; i < others.size(); i++) {
                    if ((mask & (1 << i)) != 0) {
                        subset.add(others.get(i));
                    }
                }
                subsets.add(subset);
            }
        }
        boolean settled = false;
        while (!settled) {
            int generation = seriesGeneration;
            ProtectedTable series = withEscalation(new Family(source, null), List.of(source.yearAxis()));
            for (String year : series.axes().get(0).leaves()) {
                for (List<String> subset : subsets) {
                    withEscalation(new Family(source, year), subset);
                }
            }
            settled = generation == seriesGeneration;
        }
        ready.add(source);
    }
    /**
     * Builds a table; where a larger table finds that a smaller one publishes too much, the smaller one withholds
     * the cell named and the family (and, for a year's total, every year) is built again.
     */
    private ProtectedTable withEscalation(Family family, List<String> names) {
        for (int attempt = 0; attempt < DisclosureControl.MAX_ESCALATIONS; attempt++) {
            try {
                return build(family, names);
            } catch (MarginLeakException leak) {
                Family owner = family;
                List<String> axisNames = leak.axisNames();
                List<String> nodes = leak.nodes();
                if (axisNames.isEmpty() && family.year() != null) {
                    owner = new Family(family.source(), null);
                    axisNames = List.of(family.source().yearAxis());
                    nodes = List.of(family.year());
                }
                forced.computeIfAbsent(owner, f -> new HashMap<>())
                        .computeIfAbsent(axisNames, n -> new java.util.HashSet<>()).add(nodes);
                if (owner.year() == null) {
                    cache.keySet().removeIf(f -> f.source() == family.source());
                    ready.remove(family.source());
                    seriesGeneration++;
                } else {
                    cache.remove(owner);
                }
            }
        }
        throw new IllegalStateException("the tables over " + names + " could not be protected");
    }

    /** The axis of a source (every code the data holds, in any year). */
    public synchronized Axis axis(TableSource source, String name) {
        refresh();
        return axisOf(source, name);
    }

    private void refresh() {
        long version = dataVersion.current();
        if (version != cachedVersion) {
            cache.clear();
            axes.clear();
            forced.clear();
            counts.clear();
            ready.clear();
            cachedVersion = version;
        }
    }

    private ProtectedTable build(Family family, List<String> names) {
        Map<List<String>, ProtectedTable> tables = cache.computeIfAbsent(family, f -> new HashMap<>());
        ProtectedTable cached = tables.get(names);
        if (cached != null) {
            return cached;
        }
        ProtectedTable table;
        if (names.isEmpty() && family.year() != null) {
            table = yearTotal(family);
        } else {
            Map<List<String>, ProtectedTable> lower = new HashMap<>();
            for (int drop = 0; drop < names.size(); drop++) {
                List<String> subset = new ArrayList<>(names);
                subset.remove(drop);
                build(family, subset);
                collect(tables, subset, lower);
            }
            table = control.protect(counts(family, names), lower,
                    forced.getOrDefault(family, Map.of()).getOrDefault(names, java.util.Set.of()));
        }
        tables.put(names, table);
        return table;
    }

    /** A year's grand total, withheld exactly where the yearly totals withhold it. */
    private ProtectedTable yearTotal(Family family) {
        ProtectedTable years = build(new Family(family.source(), null), List.of(family.source().yearAxis()));
        int cell = years.cell(List.of(family.year()));
        long value = cell < 0 ? 0 : years.exactValue(cell);
        return new ProtectedTable(List.of(), new long[] { value }, new boolean[] { cell >= 0
                && years.isSuppressed(cell) }, control.k());
    }

    private static void collect(Map<List<String>, ProtectedTable> tables, List<String> names,
            Map<List<String>, ProtectedTable> into) {
        into.put(names, tables.get(names));
        for (int drop = 0; drop < names.size(); drop++) {
            List<String> subset = new ArrayList<>(names);
            subset.remove(drop);
            collect(tables, subset, into);
        }
    }

    private CountTable counts(Family family, List<String> names) {
        return counts.computeIfAbsent(family, f -> new HashMap<>()).computeIfAbsent(names,
                n -> aggregateCounts(family, n));
    }

    private CountTable aggregateCounts(Family family, List<String> names) {
        List<Axis> tableAxes = names.stream().map(name -> axisOf(family.source(), name)).toList();
        Map<List<String>, Long> counts = new HashMap<>();
        for (Document row : aggregate(family.source(), family.year(), names)) {
            Document id = row.get("_id", Document.class);
            List<String> key = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                key.add(leafId(family.source().axisOf(names.get(i)), id, i));
            }
            counts.merge(key, ((Number) row.get("n")).longValue(), Long::sum);
        }
        return new CountTable(tableAxes, counts);
    }

    /** An axis with every code the data holds (and UNKNOWN for an absent value), built once per data version. */
    private Axis axisOf(TableSource source, String name) {
        return axes.computeIfAbsent(source, s -> new HashMap<>()).computeIfAbsent(name, n -> {
            TableSource.AxisSpec spec = source.axisOf(n);
            java.util.TreeSet<List<String>> pairs = new java.util.TreeSet<>(
                    Comparator.<List<String>, String>comparing(p -> p.get(0)).thenComparing(p -> p.get(1)));
            for (Document row : aggregate(source, null, List.of(n))) {
                Document id = row.get("_id", Document.class);
                pairs.add(List.of(spec.groupField() == null ? Axis.ROOT : code(id.get("g0")), code(id.get("d0"))));
            }
            if (spec.groupField() == null) {
                return Axis.flat(n, pairs.stream().map(p -> p.get(1)).toList());
            }
            return Axis.groupedPairs(n, List.copyOf(pairs));
        });
    }

    private static String leafId(TableSource.AxisSpec spec, Document id, int i) {
        String leaf = code(id.get("d" + i));
        return spec.groupField() == null ? leaf : Axis.leafId(code(id.get("g" + i)), leaf);
    }

    /** Counts per combination of the axes' fields, keyed d0, g0, d1, g1, ... as the readers above expect. */
    private List<Document> aggregate(TableSource source, String year, List<String> names) {
        List<String> fields = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            TableSource.AxisSpec spec = source.axisOf(names.get(i));
            fields.add(spec.field());
            keys.add("d" + i);
            if (spec.groupField() != null) {
                fields.add(spec.groupField());
                keys.add("g" + i);
            }
        }
        List<Document> rows = new ArrayList<>();
        for (Document row : stats.cellCounts(source.collection(), source.axisOf(source.yearAxis()).field(),
                year == null ? null : Integer.valueOf(year), fields)) {
            Document id = row.get("_id", Document.class);
            Document renamed = new Document();
            for (int f = 0; f < fields.size(); f++) {
                renamed.append(keys.get(f), id == null ? null : id.get("f" + f));
            }
            rows.add(new Document("_id", renamed).append("n", row.get("n")));
        }
        return rows;
    }

    /** A stored value as a code: whole numbers without a decimal point, as the statistics service writes them. */
    static String code(Object value) {
        return value instanceof Number n && !(value instanceof Double) ? String.valueOf(n.longValue())
                : String.valueOf(value);
    }
}
