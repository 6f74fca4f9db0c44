package dk.cmm.stats.disclosure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import dk.cmm.stats.stats.NumericSummary;

/**
 * A year's published tables, frozen when staff published them: every cell of every table over at most two axes,
 * either with its count or withheld. Callers without a token are answered from releases only, so writes between
 * releases change nothing they see, and every answer is a sum of published cells (a number derived from published
 * numbers reveals nothing they do not).
 *
 * @param subject     PERSONS or HOTLINE
 * @param revision    1 for the first release of the year, 2 for its first revision, ...
 * @param axes        the axes of the tables, with every node
 * @param published   published cells by key ({@link #key}), with their counts
 * @param age         the summary of age over the year, where it may be shown (null otherwise)
 * @param stayDays    the summary of days of stay over the year, where it may be shown
 * @param audit       what the protection measured when the release was built
 */
public record Release(String subject, int year, int revision, Instant publishedAt, String publishedBy, int k,
        List<Axis> axes, Map<String, Long> published, NumericSummary age, NumericSummary stayDays, Audit audit) {

    /** What building the release measured. */
    public record Audit(int cells, int withheld, int primary, int audited, int rounds, int pinnedByPublished,
            long personsInPublishedCells, long millis, Loss loss) {
    }

    /**
     * What the public gets: of the one- and two-way cells with someone in them, how many the release publishes
     * exactly (the rest are withheld; zeros are not counted). Null in releases stored before it was measured.
     */
    public record Loss(int oneWay, int oneWayPublished, int twoWay, int twoWayPublished) {

        @Override
        public String toString() {
            return "of the cells with someone in them it publishes " + oneWayPublished + " of " + oneWay
                    + " one-way and " + twoWayPublished + " of " + twoWay + " two-way";
        }
    }

    public Release {
        axes = List.copyOf(axes);
        published = Map.copyOf(published);
    }

    /** The key of a cell: {@code ""} for the total, {@code AXIS=node} or {@code AXIS=node|AXIS=node} in axis order. */
    static String key(List<Axis> axes, int axisA, int nodeA, int axisB, int nodeB) {
        if (axisA < 0 || nodeA == 0) {
            return axisB < 0 || nodeB == 0 ? "" : axes.get(axisB).name() + "=" + axes.get(axisB).node(nodeB);
        }
        String a = axes.get(axisA).name() + "=" + axes.get(axisA).node(nodeA);
        if (axisB < 0 || nodeB == 0) {
            return a;
        }
        String b = axes.get(axisB).name() + "=" + axes.get(axisB).node(nodeB);
        return axisA < axisB ? a + "|" + b : b + "|" + a;
    }

    public long total() {
        return published.getOrDefault("", -1L);
    }

    public int axisIndex(String name) {
        for (int a = 0; a < axes.size(); a++) {
            if (axes.get(a).name().equals(name)) {
                return a;
            }
        }
        return -1;
    }

    /**
     * The count of the records whose leaves on the given axes are among those selected (an axis not in the map is
     * not restricted), when published cells determine it: directly, or as a margin minus what is not selected.
     * At most two axes may be restricted.
     */
    public OptionalLong count(Map<Integer, Set<Integer>> selection) {
        List<Integer> restricted = new ArrayList<>(selection.keySet());
        restricted.sort(Integer::compare);
        if (restricted.size() > 2) {
            throw new IllegalArgumentException("a release answers questions over at most two axes");
        }
        for (Set<Integer> leaves : selection.values()) {
            if (leaves.isEmpty()) {
                return OptionalLong.of(0);
            }
        }
        List<List<int[]>> formsA = restricted.isEmpty() ? List.of(List.of(new int[] { 0, 1 }))
                : forms(axes.get(restricted.get(0)), selection.get(restricted.get(0)));
        List<List<int[]>> formsB = restricted.size() < 2 ? List.of(List.of(new int[] { 0, 1 }))
                : forms(axes.get(restricted.get(1)), selection.get(restricted.get(1)));
        int axisA = restricted.isEmpty() ? -1 : restricted.get(0);
        int axisB = restricted.size() < 2 ? -1 : restricted.get(1);
        for (List<int[]> formA : formsA) {
            for (List<int[]> formB : formsB) {
                OptionalLong sum = sum(axisA, formA, axisB, formB);
                if (sum.isPresent()) {
                    return sum;
                }
            }
        }
        return OptionalLong.empty();
    }

    private OptionalLong sum(int axisA, List<int[]> formA, int axisB, List<int[]> formB) {
        long sum = 0;
        for (int[] a : formA) {
            for (int[] b : formB) {
                Long value = published.get(key(axes, axisA, a[0], axisB, b[0]));
                if (value == null) {
                    return OptionalLong.empty();
                }
                sum += (long) a[1] * b[1] * value;
            }
        }
        return OptionalLong.of(sum);
    }

    /**
     * The ways to write a set of leaves as signed nodes ({node, ±1}): whole groups as their subtotal and the rest
     * leaf by leaf; the margin minus the unselected, written the same way; each partly selected group as its
     * subtotal minus its unselected leaves.
     */
    static List<List<int[]>> forms(Axis axis, Set<Integer> selected) {
        List<List<int[]>> forms = new ArrayList<>();
        forms.add(direct(axis, selected, 1));
        Set<Integer> rest = new java.util.HashSet<>();
        for (int node = 1; node < axis.size(); node++) {
            if (axis.isLeaf(node) && !selected.contains(node)) {
                rest.add(node);
            }
        }
        List<int[]> complement = new ArrayList<>();
        complement.add(new int[] { 0, 1 });
        complement.addAll(direct(axis, rest, -1));
        forms.add(complement);
        if (axis.grouped()) {
            List<int[]> groups = new ArrayList<>();
            for (int group : axis.children(0)) {
                if (axis.isLeaf(group)) {
                    if (selected.contains(group)) {
                        groups.add(new int[] { group, 1 });
                    }
                    continue;
                }
                int[] members = axis.children(group);
                boolean any = java.util.Arrays.stream(members).anyMatch(selected::contains);
                if (any) {
                    groups.add(new int[] { group, 1 });
                    java.util.Arrays.stream(members).filter(m -> !selected.contains(m))
                            .forEach(m -> groups.add(new int[] { m, -1 }));
                }
            }
            forms.add(groups);
        }
        return forms;
    }

    private static List<int[]> direct(Axis axis, Set<Integer> selected, int sign) {
        List<int[]> nodes = new ArrayList<>();
        long leaves = axis.leaves().size();
        if (selected.size() == leaves) {
            nodes.add(new int[] { 0, sign });
            return nodes;
        }
        for (int child : axis.children(0)) {
            if (axis.isLeaf(child)) {
                if (selected.contains(child)) {
                    nodes.add(new int[] { child, sign });
                }
                continue;
            }
            int[] members = axis.children(child);
            long inside = java.util.Arrays.stream(members).filter(selected::contains).count();
            if (inside == members.length) {
                nodes.add(new int[] { child, sign });
            } else {
                java.util.Arrays.stream(members).filter(selected::contains).forEach(m -> nodes.add(new int[] { m,
                        sign }));
            }
        }
        return nodes;
    }
}
