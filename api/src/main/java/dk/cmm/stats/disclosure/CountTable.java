package dk.cmm.stats.disclosure;

import java.util.List;
import java.util.Map;

/**
 * Exact counts of a cross-classification: one count per combination of leaf node ids, one id per axis in axis order.
 * Combinations that are absent count zero.
 */
public record CountTable(List<Axis> axes, Map<List<String>, Long> counts) {

    public CountTable {
        axes = List.copyOf(axes);
        counts = Map.copyOf(counts);
        for (List<String> key : counts.keySet()) {
            if (key.size() != axes.size()) {
                throw new IllegalArgumentException("key " + key + " does not have one leaf per axis of " + axes);
            }
            for (int i = 0; i < key.size(); i++) {
                int node = axes.get(i).indexOf(key.get(i));
                if (node < 0 || !axes.get(i).isLeaf(node)) {
                    throw new IllegalArgumentException(key.get(i) + " is not a leaf of axis " + axes.get(i).name());
                }
            }
        }
    }

    /** The axis names, in order: the table's identity in a family of linked tables. */
    public List<String> axisNames() {
        return axes.stream().map(Axis::name).toList();
    }
}
