package dk.cmm.stats.disclosure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ways a set of leaves of one axis can be written as a signed sum of nodes: directly (whole groups as their
 * subtotal, the whole axis as its margin), or as a margin minus what is not selected. A question is answerable when
 * one of the ways needs published cells only.
 */
final class Selections {

    private Selections() {
    }

    /** Signed node combinations (node index → ±1) equal to the selection; empty list for an empty selection. */
    static List<Map<Integer, Integer>> forms(Axis axis, Set<String> leaves) {
        Set<Integer> selected = new HashSet<>();
        if (leaves == null) {
            return List.of(Map.of(0, 1));
        }
        for (String leaf : leaves) {
            int i = axis.indexOf(leaf);
            if (i > 0 && axis.isLeaf(i)) {
                selected.add(i);
            }
        }
        if (selected.isEmpty()) {
            return List.of();
        }
        List<Map<Integer, Integer>> forms = new ArrayList<>();
        Map<Integer, Integer> direct = direct(axis, selected, 1, new LinkedHashMap<>());
        forms.add(direct);
        Set<Integer> rest = new HashSet<>();
        for (String leaf : axis.leaves()) {
            int i = axis.indexOf(leaf);
            if (!selected.contains(i)) {
                rest.add(i);
            }
        }
        if (!rest.isEmpty()) {
            Map<Integer, Integer> complement = new LinkedHashMap<>();
            complement.put(0, 1);
            forms.add(direct(axis, rest, -1, complement));
        }
        if (axis.grouped()) {
            forms.add(groupComplements(axis, selected));
        }
        return forms;
    }

    /** Whole groups as subtotals, the rest leaf by leaf; the whole axis as its margin. */
    private static Map<Integer, Integer> direct(Axis axis, Set<Integer> selected, int sign,
            Map<Integer, Integer> into) {
        if (selected.size() == axis.leaves().size()) {
            into.merge(0, sign, Integer::sum);
            return into;
        }
        if (!axis.grouped()) {
            selected.stream().sorted().forEach(i -> into.merge(i, sign, Integer::sum));
            return into;
        }
        for (int group : axis.children(0)) {
            int[] members = axis.children(group);
            long inside = java.util.Arrays.stream(members).filter(selected::contains).count();
            if (inside == members.length) {
                into.merge(group, sign, Integer::sum);
            } else {
                java.util.Arrays.stream(members).filter(selected::contains).forEach(i -> into.merge(i, sign,
                        Integer::sum));
            }
        }
        return into;
    }

    /** Partly selected groups as their subtotal minus the unselected members. */
    private static Map<Integer, Integer> groupComplements(Axis axis, Set<Integer> selected) {
        Map<Integer, Integer> form = new LinkedHashMap<>();
        for (int group : axis.children(0)) {
            int[] members = axis.children(group);
            long inside = java.util.Arrays.stream(members).filter(selected::contains).count();
            if (inside == 0) {
                continue;
            }
            form.merge(group, 1, Integer::sum);
            java.util.Arrays.stream(members).filter(i -> !selected.contains(i)).forEach(i -> form.merge(i, -1,
                    Integer::sum));
        }
        return form;
    }
}
