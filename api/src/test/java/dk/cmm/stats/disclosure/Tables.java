package dk.cmm.stats.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** Hand-made tables for the disclosure tests, and an attacker that solves their published equations. */
final class Tables {

    private Tables() {
    }

    static Axis flat(String name, String... codes) {
        return Axis.flat(name, List.of(codes));
    }

    /** A one-way table: codes with their counts, protected after its grand total. */
    static ProtectedTable oneWay(int k, Axis axis, long... counts) {
        Map<List<String>, Long> cells = new HashMap<>();
        List<String> leaves = axis.leaves();
        for (int i = 0; i < counts.length; i++) {
            cells.put(List.of(leaves.get(i)), counts[i]);
        }
        return protectFamily(k, new CountTable(List.of(axis), cells)).get(List.of(axis.name()));
    }

    /** A two-way table from rows of counts (rows on the first axis), with its whole family of margins. */
    static Map<List<String>, ProtectedTable> twoWay(int k, Axis rows, Axis cols, long[][] counts) {
        Map<List<String>, Long> cells = new HashMap<>();
        for (int r = 0; r < counts.length; r++) {
            for (int c = 0; c < counts[r].length; c++) {
                cells.put(List.of(rows.leaves().get(r), cols.leaves().get(c)), counts[r][c]);
            }
        }
        return protectFamily(k, new CountTable(List.of(rows, cols), cells));
    }

    /** Protects every table over a subset of the axes, smallest first, from the leaf counts of the full table. */
    static Map<List<String>, ProtectedTable> protectFamily(int k, CountTable full) {
        return new DisclosureControl(k).protectFamily(full);
    }

    /**
     * What an attacker learns from a protected table: every withheld count from 1 to k−1 that follows exactly from the
     * published cells and the table's "parent = sum of children" equations, built here from the answers alone.
     */
    static List<List<String>> recoverable(ProtectedTable table) {
        Map<Integer, Integer> column = new LinkedHashMap<>();
        for (int cell = 0; cell < table.cellCount(); cell++) {
            // a withheld zero counts as known: zeros are often structural, so the attacker may know them
            if (table.published(cell).isEmpty() && table.exactValue(cell) != 0) {
                column.put(cell, column.size());
            }
        }
        List<Map<Integer, Integer>> equations = new ArrayList<>();
        List<Axis> axes = table.axes();
        for (int cell = 0; cell < table.cellCount(); cell++) {
            List<String> nodes = table.nodesOf(cell);
            for (int i = 0; i < axes.size(); i++) {
                Axis axis = axes.get(i);
                int node = axis.indexOf(nodes.get(i));
                if (!axis.hasChildren(node)) {
                    continue;
                }
                Map<Integer, Integer> equation = new HashMap<>();
                add(equation, column, cell, -1);
                for (int child : axis.children(node)) {
                    List<String> childNodes = new ArrayList<>(nodes);
                    childNodes.set(i, axis.node(child));
                    add(equation, column, table.cell(childNodes), 1);
                }
                if (!equation.isEmpty()) {
                    equations.add(equation);
                }
            }
        }
        RowSpace space = new RowSpace(column.size(), equations);
        List<List<String>> found = new ArrayList<>();
        column.forEach((cell, col) -> {
            long value = table.exactValue(cell);
            if (value >= 1 && value < table.k() && space.determines(Map.of(col, 1))) {
                found.add(table.nodesOf(cell));
            }
        });
        return found;
    }

    private static void add(Map<Integer, Integer> equation, Map<Integer, Integer> column, int cell, int sign) {
        Integer col = column.get(cell);
        if (col != null) {
            equation.merge(col, sign, Integer::sum);
        }
    }

    static OptionalLong answer(ProtectedTable table, Set<String> rows, Set<String> cols) {
        return table.answer(java.util.Arrays.asList(rows, cols));
    }

    static boolean withheld(ProtectedTable table, String... nodes) {
        return table.isSuppressed(table.cell(List.of(nodes)));
    }
}
