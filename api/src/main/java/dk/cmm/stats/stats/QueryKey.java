package dk.cmm.stats.stats;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * A statistics query as a cache key: the method, its arguments normalised so that equal questions meet one entry,
 * and the data version the answer was read at. In a filter (a record argument) a list of values is sorted and
 * deduplicated and an empty list counts as none, and a filter that selects nothing specific equals no filter.
 * A top-level list (groupBy) keeps its order: it orders the key of every group in the answer.
 */
record QueryKey(String method, List<Object> args, long version) {

    /** The key when caching is off. */
    static final Object NONE = new Object();

    static Object normalise(Object arg) {
        if (arg == null) {
            return null;
        }
        if (arg instanceof Collection<?> list) {
            return Collections.unmodifiableList(new ArrayList<>(list));
        }
        if (arg instanceof Record filter) {
            return normaliseFilter(filter);
        }
        return arg;
    }

    /** The filter's class and its normalised components; null when every component is empty. */
    private static Object normaliseFilter(Record filter) {
        List<Object> values = new ArrayList<>();
        boolean any = false;
        for (RecordComponent component : filter.getClass().getRecordComponents()) {
            Object value = normaliseValue(read(filter, component));
            any |= value != null;
            values.add(value);
        }
        return any ? List.of(filter.getClass().getName(), values) : null;
    }

    private static Object normaliseValue(Object value) {
        if (value instanceof Collection<?> list) {
            if (list.isEmpty()) {
                return null;
            }
            if (list.stream().allMatch(v -> v instanceof Comparable<?>)) {
                @SuppressWarnings({ "unchecked", "rawtypes" })
                TreeSet<Object> sorted = new TreeSet<>((Collection) list);
                return List.copyOf(sorted);
            }
            return Collections.unmodifiableList(new ArrayList<>(list));
        }
        return value;
    }

    private static Object read(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }
}
