package dk.cmm.stats.csv;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dk.cmm.stats.stats.Dimension;
import dk.cmm.stats.stats.GroupKey;
import dk.cmm.stats.stats.GroupOrder;

/**
 * The shape of a dense JSON-stat cube: per groupBy dimension the codes the answer names, in the API's key order
 * (years ascending, codebook order), and the row-major layout of {@code value} over them (the last dimension varies
 * fastest). The metric dimension is the caller's: each cell here holds one value per metric.
 */
record JsonStatCube(List<List<String>> codes) {

    /** The cube over the codes the keys name, per dimension of {@code groupBy}. */
    static JsonStatCube of(List<? extends Dimension> groupBy, List<List<GroupKey>> keys) {
        List<List<String>> codes = new ArrayList<>();
        for (int i = 0; i < groupBy.size(); i++) {
            Dimension dimension = groupBy.get(i);
            Set<String> seen = new LinkedHashSet<>();
            for (List<GroupKey> key : keys) {
                seen.add(key.get(i).code());
            }
            var order = GroupOrder.byKey(List.of(dimension));
            codes.add(seen.stream().sorted((a, b) -> order.compare(List.of(new GroupKey(dimension.name(), a)),
                    List.of(new GroupKey(dimension.name(), b)))).toList());
        }
        return new JsonStatCube(codes);
    }

    /** The number of cells: the product of the dimensions' sizes (1 without dimensions). */
    int cells() {
        int cells = 1;
        for (List<String> c : codes) {
            cells *= c.size();
        }
        return cells;
    }

    /** The row-major position of a key, as JSON-stat lays out {@code value}. */
    int index(List<GroupKey> key) {
        int index = 0;
        for (int i = 0; i < codes.size(); i++) {
            index = index * codes.get(i).size() + codes.get(i).indexOf(key.get(i).code());
        }
        return index;
    }

    /** The code of dimension {@code at} in the cell at a row-major position. */
    String codeAt(int position, int at) {
        int rest = position;
        for (int i = codes.size() - 1; i > at; i--) {
            rest /= codes.get(i).size();
        }
        return codes.get(at).get(rest % codes.get(at).size());
    }
}
