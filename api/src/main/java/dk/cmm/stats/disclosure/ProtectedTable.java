package dk.cmm.stats.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A cross-classification with every margin and subtotal, and which of its cells are withheld. Cells are addressed by
 * one node per axis ({@link Axis#ROOT} for a margin). Answers to questions are derived only from published cells, so
 * whatever is asked of the table reveals nothing that its published cells do not.
 */
public final class ProtectedTable {

    private final List<Axis> axes;
    private final int[] strides;
    private final long[] values;
    private final boolean[] suppressed;
    private final int k;
    int unresolved;

    ProtectedTable(List<Axis> axes, long[] values, boolean[] suppressed, int k) {
        this.axes = List.copyOf(axes);
        this.strides = strides(axes);
        this.values = values;
        this.suppressed = suppressed;
        this.k = k;
    }

    static int[] strides(List<Axis> axes) {
        int[] strides = new int[axes.size()];
        int stride = 1;
        for (int i = axes.size() - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= axes.get(i).size();
        }
        return strides;
    }

    public List<Axis> axes() {
        return axes;
    }

    public List<String> axisNames() {
        return axes.stream().map(Axis::name).toList();
    }

    /** The threshold the table was protected with. */
    public int k() {
        return k;
    }

    /** Small counts this table could not protect because its published margins determine them (0 normally). */
    public int unresolved() {
        return unresolved;
    }

    public int cellCount() {
        return values.length;
    }

    /** The cell of the given node ids (one per axis), or -1 when an axis lacks the node. */
    public int cell(List<String> nodes) {
        int cell = 0;
        for (int i = 0; i < axes.size(); i++) {
            int node = axes.get(i).indexOf(nodes.get(i));
            if (node < 0) {
                return -1;
            }
            cell += node * strides[i];
        }
        return cell;
    }

    public List<String> nodesOf(int cell) {
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < axes.size(); i++) {
            nodes.add(axes.get(i).node(cell / strides[i] % axes.get(i).size()));
        }
        return nodes;
    }

    public boolean isSuppressed(int cell) {
        return suppressed[cell];
    }

    /** The exact value: for the protection itself and for tests, never for an answer to an anonymous caller. */
    public long exactValue(int cell) {
        return values[cell];
    }

    /** The published value of a cell, empty when it is withheld. */
    public OptionalLong published(int cell) {
        return suppressed[cell] ? OptionalLong.empty() : OptionalLong.of(values[cell]);
    }

    /**
     * The count of the records whose leaf on each axis is in the given set (null: any), if it can be derived from
     * published cells alone; empty when it would need a withheld cell.
     */
    public OptionalLong answer(List<Set<String>> leafSelections) {
        if (leafSelections.size() != axes.size()) {
            throw new IllegalArgumentException("one selection per axis of " + axisNames());
        }
        List<List<Map<Integer, Integer>>> options = new ArrayList<>();
        for (int i = 0; i < axes.size(); i++) {
            List<Map<Integer, Integer>> forms = Selections.forms(axes.get(i), leafSelections.get(i));
            if (forms.isEmpty()) {
                return OptionalLong.of(0);
            }
            options.add(forms);
        }
        return tryForms(options, 0, new ArrayList<>());
    }

    private OptionalLong tryForms(List<List<Map<Integer, Integer>>> options, int axis,
            List<Map<Integer, Integer>> chosen) {
        if (axis == options.size()) {
            return evaluate(chosen);
        }
        for (Map<Integer, Integer> form : options.get(axis)) {
            chosen.add(form);
            OptionalLong result = tryForms(options, axis + 1, chosen);
            chosen.remove(chosen.size() - 1);
            if (result.isPresent()) {
                return result;
            }
        }
        return OptionalLong.empty();
    }

    /** The signed sum of the product of the chosen node combinations, if every cell in it is published. */
    private OptionalLong evaluate(List<Map<Integer, Integer>> forms) {
        long[] total = { 0 };
        boolean ok = expand(forms, 0, 0, 1, total);
        return ok ? OptionalLong.of(total[0]) : OptionalLong.empty();
    }

    private boolean expand(List<Map<Integer, Integer>> forms, int axis, int cell, int sign, long[] total) {
        if (axis == forms.size()) {
            if (suppressed[cell]) {
                return false;
            }
            total[0] += sign * values[cell];
            return true;
        }
        for (Map.Entry<Integer, Integer> term : forms.get(axis).entrySet()) {
            if (!expand(forms, axis + 1, cell + term.getKey() * strides[axis], sign * term.getValue(), total)) {
                return false;
            }
        }
        return true;
    }
}
