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
 * @param noisy       withheld cells of the noisy layer's tables with their noisy counts, by key ({@link NoisyLayer})
 * @param noise       how the noisy layer was measured; null where the release has none
 */
public record Release(String subject, int year, int revision, Instant publishedAt, String publishedBy, int k,
        List<Axis> axes, Map<String, Long> published, NumericSummary age, NumericSummary stayDays, Audit audit,
        Map<String, Noisy> noisy, Noise noise) {

    /** A noisy count: post-processed, with the 90 % half-width of its measurement's noise. */
    public record Noisy(long count, int margin) {
    }

    /**
     * How the noisy layer was measured.
     *
     * @param sigma    the noise's σ
     * @param rho      the privacy cost of this release in zCDP: ρ per measured table, summed
     * @param rhoYear  the cost of every release of the year so far, this one included (a revision measures anew)
     * @param tables   the tables measured (dimension:dimension)
     * @param failed   tables whose post-processing found no whole-number solution in time: their cells stay withheld
     * @param salt     with {@code digest}: whether a later publication sees the same data (then it measures nothing
     *                 new); staff-only, like the records themselves
     * @param digest   SHA-256 of the salt and the exact tables the noise was added to
     * @param millis   how long measuring and post-processing took
     */
    public record Noise(double sigma, double rho, double rhoYear, List<String> tables, List<String> failed,
            String salt, String digest, long millis) {

        /** ε at δ = 10⁻⁶ of the year's releases so far. */
        public double epsilonYear() {
            return dk.cmm.stats.disclosure.noise.PrivacyBudget.epsilon(rhoYear,
                    dk.cmm.stats.disclosure.noise.PrivacyBudget.DELTA);
        }
    }

    /** A count a release determines: exact, or noisy with its margin. */
    public record Count(long value, boolean noisy, Integer margin) {
    }

    /** What building the release measured. */
    public record Audit(int cells, int withheld, int primary, int audited, int rounds, int pinnedByPublished,
            long personsInPublishedCells, long millis, Loss loss) {
    }

    /**
     * What the public gets: of the one- and two-way cells with someone in them, how many the release publishes
     * exactly, and how many more it gives a noisy count (the rest are withheld; zeros are not counted). Null in
     * releases stored before it was measured; the noisy figures 0 in those stored before the noisy layer.
     */
    public record Loss(int oneWay, int oneWayPublished, int twoWay, int twoWayPublished, int oneWayNoisy,
            int twoWayNoisy) {

        @Override
        public String toString() {
            return "of the cells with someone in them it publishes " + oneWayPublished + " of " + oneWay
                    + " one-way and " + twoWayPublished + " of " + twoWay + " two-way exactly"
                    + (oneWayNoisy + twoWayNoisy == 0 ? "" : ", and " + oneWayNoisy + " one-way and " + twoWayNoisy
                            + " two-way more with a noisy count");
        }
    }

    public Release {
        axes = List.copyOf(axes);
        published = Map.copyOf(published);
        noisy = noisy == null ? Map.of() : Map.copyOf(noisy);
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
        java.util.Optional<Count> direct = sums(selection, false).findFirst();
        if (direct.isPresent()) {
            return OptionalLong.of(direct.get().value());
        }
        // a part of a published zero is zero: the cells under a row or column whose count is 0
        if (restricted.size() == 2) {
            for (int axis : restricted) {
                OptionalLong alone = count(Map.of(axis, selection.get(axis)));
                if (alone.isPresent() && alone.getAsLong() == 0) {
                    return alone;
                }
            }
        }
        return OptionalLong.empty();
    }

    /**
     * The count of a selection as {@link #count}, or where the exact cells do not determine it, as a sum of exact and
     * noisy cells (flagged noisy, with the margin of the noisy cells' sum); empty where neither does. Of the ways to
     * write it, the one with the fewest noisy cells is taken: the noisy cells agree with the exact ones, so every
     * way gives the same number.
     */
    public java.util.Optional<Count> estimate(Map<Integer, Set<Integer>> selection) {
        OptionalLong exact = count(selection);
        if (exact.isPresent()) {
            return java.util.Optional.of(new Count(exact.getAsLong(), false, null));
        }
        if (noisy.isEmpty()) {
            return java.util.Optional.empty();
        }
        // min keeps the first of equal margins, as the forms come
        return sums(selection, true).min(java.util.Comparator.comparingInt(Release::marginOf));
    }

    /**
     * Every way the cells write a selection's count (at most two restricted axes), in the order of {@link #forms}:
     * lazily, so that a caller content with the first computes no more.
     */
    private java.util.stream.Stream<Count> sums(Map<Integer, Set<Integer>> selection, boolean withNoisy) {
        List<Integer> restricted = new ArrayList<>(selection.keySet());
        restricted.sort(Integer::compare);
        List<List<int[]>> formsA = restricted.isEmpty() ? List.of(List.of(new int[] { 0, 1 }))
                : forms(axes.get(restricted.get(0)), selection.get(restricted.get(0)));
        List<List<int[]>> formsB = restricted.size() < 2 ? List.of(List.of(new int[] { 0, 1 }))
                : forms(axes.get(restricted.get(1)), selection.get(restricted.get(1)));
        int axisA = restricted.isEmpty() ? -1 : restricted.get(0);
        int axisB = restricted.size() < 2 ? -1 : restricted.get(1);
        return formsA.stream().flatMap(formA -> formsB.stream()
                .map(formB -> sum(axisA, formA, axisB, formB, withNoisy))).filter(java.util.Objects::nonNull);
    }

    private static int marginOf(Count count) {
        return count.margin() == null ? 0 : count.margin();
    }

    /** A signed sum of cells; with noisy cells allowed, the margin is that of {@link CountSum}. */
    private Count sum(int axisA, List<int[]> formA, int axisB, List<int[]> formB, boolean withNoisy) {
        CountSum sum = new CountSum();
        for (int[] a : formA) {
            for (int[] b : formB) {
                String key = key(axes, axisA, a[0], axisB, b[0]);
                Long value = published.get(key);
                if (value != null) {
                    sum.add((long) a[1] * b[1] * value);
                } else if (withNoisy && noisy.containsKey(key)) {
                    Noisy n = noisy.get(key);
                    sum.addNoisy((long) a[1] * b[1] * n.count(), n.margin());
                } else {
                    return null;
                }
            }
        }
        return sum.count();
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
