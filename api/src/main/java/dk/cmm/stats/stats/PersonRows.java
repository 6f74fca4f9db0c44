package dk.cmm.stats.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;

import com.mongodb.client.MongoCollection;

import dk.cmm.stats.codebook.Codebook;

/**
 * The persons a batch of breakdowns concerns, read once (the fields the batch filters, groups and summarises, and
 * nothing else), merged into cells of equal values, and every breakdown of the batch answered from the cells in
 * Java: its filter through {@link FilterField#admits} (the {@code $match} semantics), its groups keyed as the
 * pipeline keys them (an absent value as {@code UNKNOWN}), its summaries from frequency tables as
 * {@link Summaries} reads them. A report year asks some 66 breakdowns of overlapping sets of persons; on the embedded
 * server each sub-pipeline of one {@code $facet} walked its set again (10 s for a year at 200,000 persons), where
 * this reads each person once.
 */
final class PersonRows {

    private final List<String> fields;
    private final Map<String, Integer> columns = new HashMap<>();
    /** The distinct value tuples read, one entry per column, and how many persons have each. */
    private final List<Object[]> cells = new ArrayList<>();
    private final List<Integer> persons = new ArrayList<>();
    /** Per column, the cells by value (numbers as doubles), built when a filter first lists values of the field. */
    private final Map<Integer, Map<Object, int[]>> indexes = new HashMap<>();

    /** The assessment years (as index keys) whose persons were all read; null: every year's were. */
    private final Set<Object> yearsReadWhole;

    private PersonRows(List<String> fields, Set<Object> yearsReadWhole) {
        this.fields = List.copyOf(fields);
        this.yearsReadWhole = yearsReadWhole == null ? null : yearsReadWhole.stream().map(PersonRows::indexKey)
                .collect(java.util.stream.Collectors.toSet());
        for (int i = 0; i < fields.size(); i++) {
            columns.put(fields.get(i), i);
        }
    }

    /**
     * Reads the persons any of the questions selects, with the fields they need. What is read may be more than
     * that: a filter on years is read as its years alone (the rest of it is applied in Java), so that the read's
     * filter is a few conditions the server tests quickly (a report year's sixty-odd filters become two {@code $in}s,
     * all years' too) rather than an OR of every filter, which the embedded server tests clause by clause on every
     * person.
     */
    static PersonRows read(MongoCollection<Document> persons, List<PersonQuery> queries, List<PersonFilter> flagged,
            List<String> summarised, List<String> flags) {
        List<Document> criteria = new ArrayList<>();
        queries.forEach(q -> criteria.add(readCriteria(q.filter())));
        flagged.forEach(f -> criteria.add(readCriteria(f)));
        List<String> fields = fieldsOf(queries, flagged, summarised, flags);
        return of(fields, persons.find(Pipelines.anyOf(criteria)).projection(Pipelines.fieldsOnly(fields))
                .batchSize(Pipelines.READ_BATCH), yearsReadWhole(criteria));
    }

    /** A filter's conditions on years (assessment and outcome) when it has any; else the whole filter. */
    private static Document readCriteria(PersonFilter filter) {
        Document years = Pipelines.criteria(YEAR_FIELDS, filter);
        return years.isEmpty() ? Pipelines.criteria(FilterField.PERSON, filter) : years;
    }

    private static final List<FilterField<PersonFilter>> YEAR_FIELDS = FilterField.PERSON.stream()
            .filter(field -> field.dimension() == PersonDimension.ASSESSMENT_YEAR
                    || field.dimension() == PersonDimension.OUTCOME_YEAR)
            .toList();

    /**
     * The assessment years whose persons the read gets all of (null: every year): those a criterion lists as its
     * only condition. Whether such a year has any record at all is then known from the rows, without the scan that
     * finds the years of the whole collection.
     */
    private static Set<Object> yearsReadWhole(List<Document> criteria) {
        Set<Object> years = new java.util.HashSet<>();
        for (Document c : criteria) {
            if (c.isEmpty()) {
                return null;
            }
            Collection<?> listed = Pipelines.onlyIn(c, YEAR_FIELD);
            if (listed != null) {
                years.addAll(listed);
            }
        }
        return years;
    }

    /** The stored fields a batch reads: those its filters and groupings name, the summarised ones, the flags. */
    private static List<String> fieldsOf(Collection<PersonQuery> queries, Collection<PersonFilter> flagFilters,
            List<String> summarised, List<String> flags) {
        Set<String> fields = new LinkedHashSet<>();
        for (PersonQuery q : queries) {
            addFilterFields(fields, q.filter());
            q.groupBy().forEach(d -> fields.add(d.field()));
        }
        flagFilters.forEach(f -> addFilterFields(fields, f));
        fields.addAll(summarised);
        fields.addAll(flags);
        return List.copyOf(fields);
    }

    private static void addFilterFields(Set<String> fields, PersonFilter filter) {
        for (FilterField<PersonFilter> field : FilterField.PERSON) {
            if (field.isSet(filter)) {
                fields.add(field.field());
            }
        }
    }

    /**
     * The cells of the documents read (each holding the fields, absent ones missing).
     *
     * @param yearsReadWhole the assessment years of which every person was read (null: all years were)
     */
    private static PersonRows of(List<String> fields, Iterable<Document> documents, Set<Object> yearsReadWhole) {
        PersonRows rows = new PersonRows(fields, yearsReadWhole);
        Map<List<Object>, Integer> cellOf = new HashMap<>();
        for (Document doc : documents) {
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = doc.get(fields.get(i));
            }
            Integer cell = cellOf.putIfAbsent(Arrays.asList(values), rows.cells.size());
            if (cell == null) {
                rows.cells.add(values);
                rows.persons.add(1);
            } else {
                rows.persons.set(cell, rows.persons.get(cell) + 1);
            }
        }
        return rows;
    }

    /** What one breakdown counts: persons per group key and, per summarised field, its frequency table. */
    record Tally(Map<List<GroupKey>, Integer> groups, Map<String, TreeMap<Double, Long>> frequencies) {
    }

    /** The breakdown of the persons the query's filter admits, grouped by its dimensions. */
    Tally tally(PersonQuery query, List<String> summarised) {
        List<PersonDimension> groupBy = query.groupBy();
        int[] keyColumns = groupBy.stream().mapToInt(d -> column(d.field())).toArray();
        int[] summaryColumns = summarised.stream().mapToInt(this::column).toArray();
        Map<List<GroupKey>, Integer> groups = new LinkedHashMap<>();
        List<Map<Double, Long>> counts = new ArrayList<>();
        summarised.forEach(f -> counts.add(new HashMap<>()));
        Condition condition = condition(query.filter());
        List<Map<Object, GroupKey>> keysByValue = new ArrayList<>();
        groupBy.forEach(d -> keysByValue.add(new HashMap<>()));
        for (int cell : candidates(query.filter())) {
            Object[] values = cells.get(cell);
            if (!condition.test(values)) {
                continue;
            }
            int n = persons.get(cell);
            GroupKey[] key = new GroupKey[keyColumns.length];
            for (int i = 0; i < key.length; i++) {
                String dimension = groupBy.get(i).name();
                key[i] = keysByValue.get(i).computeIfAbsent(values[keyColumns[i]] == null ? NULL
                        : values[keyColumns[i]], value -> new GroupKey(dimension,
                                value == NULL ? Codebook.UNKNOWN : Summaries.code(value)));
            }
            groups.merge(List.of(key), n, Integer::sum);
            for (int i = 0; i < summaryColumns.length; i++) {
                if (values[summaryColumns[i]] instanceof Number v) {
                    counts.get(i).merge(v.doubleValue(), (long) n, Long::sum); // 30 and 30.0 are one value
                }
            }
        }
        Map<String, TreeMap<Double, Long>> frequencies = new LinkedHashMap<>();
        for (int i = 0; i < summarised.size(); i++) {
            frequencies.put(summarised.get(i), new TreeMap<>(counts.get(i)));
        }
        return new Tally(groups, frequencies);
    }

    /** How many persons the filter admits whose {@code flag} is true (the {@code {flag: true}} condition). */
    int countFlagged(PersonFilter filter, String flag) {
        int flagColumn = column(flag);
        Condition condition = condition(filter);
        int count = 0;
        for (int cell : candidates(filter)) {
            Object[] values = cells.get(cell);
            if (Boolean.TRUE.equals(values[flagColumn]) && condition.test(values)) {
                count += persons.get(cell);
            }
        }
        return count;
    }

    /** A filter's fields as tests of a cell's values (all must hold). */
    private interface Condition {
        boolean test(Object[] values);
    }

    /** Stands for an absent value as a map key. */
    private static final Object NULL = new Object();

    private Condition condition(PersonFilter filter) {
        List<Integer> fieldColumns = new ArrayList<>();
        List<java.util.function.Predicate<Object>> tests = new ArrayList<>();
        for (FilterField<PersonFilter> field : FilterField.PERSON) {
            if (field.isSet(filter)) {
                fieldColumns.add(column(field.field()));
                tests.add(field.admits(filter));
            }
        }
        return values -> {
            for (int i = 0; i < tests.size(); i++) {
                if (!tests.get(i).test(values[fieldColumns.get(i)])) {
                    return false;
                }
            }
            return true;
        };
    }

    /**
     * The cells that may meet the filter: those holding one of the listed values of its most selective listed field
     * (the year, mostly), found in that field's index; every cell when it lists none. The filter is still checked
     * on each.
     */
    private int[] candidates(PersonFilter filter) {
        int[] best = null;
        for (FilterField<PersonFilter> field : FilterField.PERSON) {
            if (field.match() != FilterField.Match.ANY_OF || !field.isSet(filter)) {
                continue;
            }
            Map<Object, int[]> index = index(column(field.field()));
            if (index == null) {
                continue;
            }
            // the listed values' cells, each once (two values can share a key: 2012 and 2012.0)
            Set<Object> keys = new LinkedHashSet<>();
            field.values(filter).forEach(value -> keys.add(indexKey(value)));
            int[] found = keys.stream().flatMapToInt(key -> Arrays.stream(index.getOrDefault(key, new int[0])))
                    .sorted().toArray();
            if (best == null || found.length < best.length) {
                best = found;
            }
        }
        if (best == null) {
            best = new int[cells.size()];
            Arrays.setAll(best, i -> i);
        }
        return best;
    }

    /** The cells by value of one column; null when a cell holds an array there (an array is not one value). */
    private Map<Object, int[]> index(int column) {
        if (indexes.containsKey(column)) {
            return indexes.get(column);
        }
        Map<Object, List<Integer>> lists = new HashMap<>();
        boolean indexable = true;
        for (int cell = 0; cell < cells.size() && indexable; cell++) {
            Object value = cells.get(cell)[column];
            indexable = !(value instanceof Collection<?>);
            if (value != null) {
                lists.computeIfAbsent(indexKey(value), k -> new ArrayList<>()).add(cell);
            }
        }
        Map<Object, int[]> index = null;
        if (indexable) {
            index = new HashMap<>();
            for (Map.Entry<Object, List<Integer>> e : lists.entrySet()) {
                index.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
            }
        }
        indexes.put(column, index);
        return index;
    }

    /** A value as an index key: numbers by value (as {@code $in} compares them), anything else as it is. */
    private static Object indexKey(Object value) {
        return value instanceof Number n ? (Object) n.doubleValue() : value;
    }

    private int column(String field) {
        Integer column = columns.get(field);
        if (column == null) {
            throw new IllegalStateException("the batch did not read " + field + " (it read " + fields + ")");
        }
        return column;
    }

    /** Whether every person of the assessment year (a code, "2012") was read, with the year (as one value each). */
    boolean readsAllOfYear(String year) {
        return (yearsReadWhole == null || yearsReadWhole.contains(indexKey(Integer.valueOf(year))))
                && columns.containsKey(YEAR_FIELD) && index(column(YEAR_FIELD)) != null;
    }

    /** Whether any person read has the assessment year (a code, "2012"); see {@link #readsAllOfYear}. */
    boolean holdsYear(String year) {
        return index(column(YEAR_FIELD)).containsKey(indexKey(Integer.valueOf(year)));
    }

    private static final String YEAR_FIELD = PersonDimension.ASSESSMENT_YEAR.field();
}
