package dk.cmm.stats.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statistical disclosure control of count tables by cell suppression, with threshold {@code k}.
 * <ul>
 * <li><b>Primary suppression</b>: a cell counting 1 to k−1 records is withheld. Zeros are published.</li>
 * <li><b>Linked tables</b>: a table over axes A is protected after every table over a subset of A (its margins),
 * and takes their withheld/published pattern as fixed. Every cell therefore has one status wherever it appears,
 * so comparing tables (a breakdown with and without a filter, a one-way table with a two-way one) reveals nothing a
 * single table does not.</li>
 * <li><b>Secondary suppression</b>, until none of these holds: a line (a parent cell and its children, e.g. a total
 * and its groups) with exactly one withheld cell; a line whose published parent leaves its withheld children
 * summing to 1..k−1; any withheld cell of 1..k−1, or any set of small withheld cells of one line summing to
 * less than k, whose value follows exactly from all published cells and all line equations of the table (checked
 * by linear algebra, {@link RowSpace}). Each time the next-smallest published non-zero cell of such a line is
 * withheld too. A withheld zero counts as known to the attacker (zeros are often structural).</li>
 * </ul>
 * Secondary cells are therefore at least k (or zero), and no count from 1 to k−1 is recoverable by differencing.
 */
public final class DisclosureControl {

    /** Subsets of a line's small withheld cells checked per pass, at most (k−1 of them at a time). */
    private static final int MAX_SUBSET_CHECKS = 50_000;

    /** Cells a family may push down to its smaller tables before giving up. */
    static final int MAX_ESCALATIONS = 500;

    /** Candidates tried, smallest first, for the one whose withholding breaks a determination. */
    private static final int MAX_TRIALS = 16;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DisclosureControl.class);

    private final int k;

    public DisclosureControl(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("the disclosure threshold k must be at least 1, got " + k);
        }
        this.k = k;
    }

    public int k() {
        return k;
    }

    /**
     * Protects a table and every table over a subset of its axes, smallest first, from the leaf counts of the full
     * table; keyed by axis names in the table's order.
     */
    public Map<List<String>, ProtectedTable> protectFamily(CountTable full) {
        Map<List<String>, java.util.Set<List<String>>> forced = new HashMap<>();
        for (int attempt = 0; attempt < MAX_ESCALATIONS; attempt++) {
            try {
                return protectFamily(full, forced);
            } catch (MarginLeakException leak) {
                forced.computeIfAbsent(leak.axisNames(), x -> new java.util.HashSet<>()).add(leak.nodes());
            }
        }
        throw new IllegalStateException("the tables over " + full.axisNames() + " could not be protected");
    }

    private Map<List<String>, ProtectedTable> protectFamily(CountTable full,
            Map<List<String>, java.util.Set<List<String>>> forced) {
        Map<List<String>, ProtectedTable> done = new LinkedHashMap<>();
        List<Axis> axes = full.axes();
        int n = axes.size();
        for (int size = 0; size <= n; size++) {
            for (int mask = 0; mask < (1 << n); mask++) {
                if (Integer.bitCount(mask) != size) {
                    continue;
                }
                List<Axis> sub = new ArrayList<>();
                List<Integer> positions = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0) {
                        sub.add(axes.get(i));
                        positions.add(i);
                    }
                }
                Map<List<String>, Long> cells = new HashMap<>();
                full.counts().forEach((key, count) -> cells.merge(positions.stream().map(key::get).toList(), count,
                        Long::sum));
                CountTable table = new CountTable(sub, cells);
                done.put(table.axisNames(), protect(table, done,
                        forced.getOrDefault(table.axisNames(), java.util.Set.of())));
            }
        }
        return done;
    }

    /**
     * Protects a table. {@code lower} must hold the protected table of every proper subset of its axes (keyed by
     * axis names in the table's order), including the empty list for the grand total.
     */
    public ProtectedTable protect(CountTable counts, Map<List<String>, ProtectedTable> lower) {
        return protect(counts, lower, java.util.Set.of());
    }

    /**
     * Protects a table that must also withhold the given cells (node lists), because a larger table showed that
     * publishing them reveals a small count there.
     *
     * @throws MarginLeakException when a smaller table must withhold one more cell first
     */
    public ProtectedTable protect(CountTable counts, Map<List<String>, ProtectedTable> lower,
            java.util.Set<List<String>> forced) {
        return new Run(counts, lower, forced).protect();
    }

    /** One protection: the table's cells, their state, and its lines. */
    private final class Run {

        private final List<Axis> axes;
        private final int[] strides;
        private final long[] values;
        private final boolean[] fixed;
        private final boolean[] suppressed;
        private final List<int[]> lines = new ArrayList<>();
        private final List<Boolean> lineFixed = new ArrayList<>();
        private final Map<Integer, List<Integer>> linesOfCell = new HashMap<>();
        private int unresolved;

        Run(CountTable counts, Map<List<String>, ProtectedTable> lower, java.util.Set<List<String>> forced) {
            axes = counts.axes();
            strides = ProtectedTable.strides(axes);
            int size = 1;
            for (Axis axis : axes) {
                size *= axis.size();
            }
            values = new long[size];
            fixed = new boolean[size];
            suppressed = new boolean[size];
            counts.counts().forEach((key, count) -> {
                int cell = 0;
                for (int i = 0; i < axes.size(); i++) {
                    cell += axes.get(i).indexOf(key.get(i)) * strides[i];
                }
                values[cell] += count;
            });
            aggregate();
            for (int cell = 0; cell < size; cell++) {
                boolean force = forced.contains(nodes(cell));
                if (axes.isEmpty()) {
                    suppressed[cell] = isSmall(values[cell]) || force;
                } else if (hasRoot(cell)) {
                    fixed[cell] = true;
                    suppressed[cell] = lowerStatus(cell, lower);
                } else {
                    suppressed[cell] = isSmall(values[cell]) || (force && values[cell] > 0);
                }
            }
            buildLines();
        }

        ProtectedTable protect() {
            boolean exhausted = false;
            while (true) {
                if (applyLineRules()) {
                    continue;
                }
                List<List<Integer>> determined = determinedCombinations();
                if (determined.isEmpty()) {
                    break;
                }
                boolean added = false;
                for (List<Integer> combination : determined) {
                    if (suppressNextTo(combination)) {
                        added = true;
                        break;
                    }
                }
                if (!added) {
                    if (exhausted) {
                        // the margins, published by the smaller tables, determine it: one of them must go
                        int margin = blamedMargin(determined.get(0));
                        if (margin >= 0) {
                            throw new MarginLeakException(lowerNames(margin), lowerNodes(margin),
                                    describe(determined.get(0)) + " follows from it in " + counts());
                        }
                        log.warn("table {}: {} follows from its published margins alone", counts(),
                                describe(determined.get(0)));
                        unresolved++;
                        break;
                    }
                    exhausted = true;
                    for (int cell = 0; cell < values.length; cell++) {
                        if (!fixed[cell] && values[cell] > 0) {
                            suppressed[cell] = true;
                        }
                    }
                }
            }
            ProtectedTable table = new ProtectedTable(axes, values, suppressed, k);
            table.unresolved = unresolved;
            return table;
        }

        private List<String> nodes(int cell) {
            List<String> nodes = new ArrayList<>();
            for (int i = 0; i < axes.size(); i++) {
                nodes.add(axes.get(i).node(coordinate(cell, i)));
            }
            return nodes;
        }

        private String describe(List<Integer> combination) {
            StringBuilder text = new StringBuilder();
            for (int cell : combination) {
                text.append(text.length() == 0 ? "" : " + ");
                for (int i = 0; i < axes.size(); i++) {
                    text.append(i == 0 ? "(" : ", ").append(axes.get(i).node(coordinate(cell, i)));
                }
                text.append(")=").append(values[cell]).append(fixed[cell] ? " (margin)" : "");
            }
            return text.toString();
        }

        private String counts() {
            return axes.stream().map(Axis::name).toList().toString();
        }

        private boolean isSmall(long value) {
            return value >= 1 && value <= k - 1;
        }

        /** Fills every parent node with the sum of its children, axis by axis. */
        private void aggregate() {
            for (int i = 0; i < axes.size(); i++) {
                Axis axis = axes.get(i);
                List<Integer> parents = new ArrayList<>();
                for (int node = axis.size() - 1; node >= 0; node--) {
                    if (axis.hasChildren(node)) {
                        parents.add(node);
                    }
                }
                parents.sort(Comparator.comparing(node -> node == 0 ? 1 : 0));
                for (int parent : parents) {
                    for (int cell = 0; cell < values.length; cell++) {
                        if (coordinate(cell, i) == parent) {
                            long sum = 0;
                            for (int child : axis.children(parent)) {
                                sum += values[cell + (child - parent) * strides[i]];
                            }
                            values[cell] = sum;
                        }
                    }
                }
            }
        }

        private int coordinate(int cell, int axis) {
            return cell / strides[axis] % axes.get(axis).size();
        }

        private boolean hasRoot(int cell) {
            for (int i = 0; i < axes.size(); i++) {
                if (coordinate(cell, i) == 0) {
                    return true;
                }
            }
            return false;
        }

        /** The status of a margin cell in the table over the axes where it is not a margin. */
        private boolean lowerStatus(int cell, Map<List<String>, ProtectedTable> lower) {
            List<String> names = new ArrayList<>();
            List<String> nodes = new ArrayList<>();
            for (int i = 0; i < axes.size(); i++) {
                int node = coordinate(cell, i);
                if (node != 0) {
                    names.add(axes.get(i).name());
                    nodes.add(axes.get(i).node(node));
                }
            }
            ProtectedTable table = lower.get(names);
            if (table == null) {
                throw new IllegalArgumentException("protect the table over " + names + " before " + counts());
            }
            int lowerCell = table.cell(nodes);
            if (lowerCell < 0 || table.exactValue(lowerCell) != values[cell]) {
                throw new IllegalStateException("the table over " + names + " does not match " + counts()
                        + " at " + nodes + ": the data changed while the tables were built");
            }
            return table.isSuppressed(lowerCell);
        }

        /**
         * Every "parent = sum of children" relation; on a grouped axis also "total = sum of all leaves", so that
         * the rules see a total minus leaves of several groups as a line of its own.
         */
        private void buildLines() {
            for (int i = 0; i < axes.size(); i++) {
                Axis axis = axes.get(i);
                int[] allLeaves = axis.leaves().stream().mapToInt(axis::indexOf).toArray();
                for (int cell = 0; cell < values.length; cell++) {
                    int node = coordinate(cell, i);
                    if (axis.hasChildren(node)) {
                        addLine(cell, node, axis.children(node), i);
                    }
                    if (node == 0 && axis.grouped()) {
                        addLine(cell, node, allLeaves, i);
                    }
                }
            }
        }

        private void addLine(int cell, int node, int[] children, int axisIndex) {
            int[] line = new int[children.length + 1];
            line[0] = cell;
            for (int c = 0; c < children.length; c++) {
                line[c + 1] = cell + (children[c] - node) * strides[axisIndex];
            }
            boolean allFixed = true;
            for (int member : line) {
                allFixed &= fixed[member];
            }
            int index = lines.size();
            lines.add(line);
            lineFixed.add(allFixed);
            for (int member : line) {
                linesOfCell.computeIfAbsent(member, x -> new ArrayList<>()).add(index);
            }
        }

        /** One pass of the line rules; true if it withheld anything. */
        private boolean applyLineRules() {
            boolean changed = false;
            for (int l = 0; l < lines.size(); l++) {
                if (lineFixed.get(l)) {
                    continue;
                }
                int[] line = lines.get(l);
                int withheld = 0;
                long withheldChildren = 0;
                for (int m = 0; m < line.length; m++) {
                    if (suppressed[line[m]] && values[line[m]] != 0) {
                        withheld++;
                        if (m > 0) {
                            withheldChildren += values[line[m]];
                        }
                    }
                }
                boolean parentPublished = !suppressed[line[0]];
                boolean exposed = (withheld == 1 && isSmall(smallestWithheld(line)))
                        || (parentPublished && withheld >= 1 && isSmall(withheldChildren));
                if (exposed) {
                    int candidate = candidate(line);
                    if (candidate >= 0) {
                        suppressed[candidate] = true;
                        changed = true;
                    }
                }
            }
            return changed;
        }

        private int withheldIn(int[] line) {
            int n = 0;
            for (int cell : line) {
                if (suppressed[cell] && values[cell] != 0) {
                    n++;
                }
            }
            return n;
        }

        private long smallestWithheld(int[] line) {
            long smallest = Long.MAX_VALUE;
            for (int cell : line) {
                if (suppressed[cell] && values[cell] != 0) {
                    smallest = Math.min(smallest, values[cell]);
                }
            }
            return smallest;
        }

        /** The smallest published non-zero cell of the line that this table may withhold, children first. */
        private int candidate(int[] line) {
            int best = -1;
            for (int m = 1; m < line.length; m++) {
                int cell = line[m];
                if (!fixed[cell] && !suppressed[cell] && values[cell] > 0
                        && (best < 0 || values[cell] < values[best])) {
                    best = cell;
                }
            }
            if (best < 0 && !fixed[line[0]] && !suppressed[line[0]] && values[line[0]] > 0) {
                best = line[0];
            }
            return best;
        }

        /**
         * Withholds one more cell to break what determines the combination. A line with a single withheld cell pins
         * that cell, and through it its neighbours: the smallest candidate on such a line, among the withheld cells
         * linked to the combination, is withheld; failing that, the smallest on a line through the combination.
         */
        private boolean suppressNextTo(List<Integer> combination) {
            java.util.Set<Integer> linked = linked(combination);
            int best = -1;
            for (int cell : linked) {
                for (int l : linesOfCell.getOrDefault(cell, List.of())) {
                    if (lineFixed.get(l) || withheldIn(lines.get(l)) != 1) {
                        continue;
                    }
                    int candidate = candidate(lines.get(l));
                    if (candidate >= 0 && (best < 0 || values[candidate] < values[best])) {
                        best = candidate;
                    }
                }
            }
            if (best < 0) {
                best = breakingCandidate(combination, linked);
            }
            if (best < 0) {
                return false;
            }
            suppressed[best] = true;
            return true;
        }

        /** The published margin whose withholding (in its own table) would leave the combination undetermined. */
        private int blamedMargin(List<Integer> combination) {
            java.util.Set<Integer> linked = linked(combination);
            java.util.TreeSet<Integer> candidates = new java.util.TreeSet<>(Comparator
                    .<Integer>comparingLong(cell -> values[cell]).thenComparingInt(cell -> cell));
            for (int cell : linked) {
                for (int l : linesOfCell.getOrDefault(cell, List.of())) {
                    for (int member : lines.get(l)) {
                        if (fixed[member] && !suppressed[member] && values[member] > 0) {
                            candidates.add(member);
                        }
                    }
                }
            }
            int tried = 0;
            for (int candidate : candidates) {
                if (tried++ == MAX_TRIALS) {
                    break;
                }
                suppressed[candidate] = true;
                boolean stillDetermined = determines(combination);
                suppressed[candidate] = false;
                if (!stillDetermined) {
                    return candidate;
                }
            }
            return candidates.isEmpty() ? -1 : candidates.first();
        }

        private java.util.Set<Integer> linked(List<Integer> combination) {
            java.util.Set<Integer> linked = new java.util.HashSet<>(combination);
            java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(combination);
            while (!queue.isEmpty()) {
                int cell = queue.poll();
                for (int l : linesOfCell.getOrDefault(cell, List.of())) {
                    for (int member : lines.get(l)) {
                        if (suppressed[member] && values[member] != 0 && linked.add(member)) {
                            queue.add(member);
                        }
                    }
                }
            }
            return linked;
        }

        private List<String> lowerNames(int cell) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < axes.size(); i++) {
                if (coordinate(cell, i) != 0) {
                    names.add(axes.get(i).name());
                }
            }
            return names;
        }

        private List<String> lowerNodes(int cell) {
            List<String> nodes = new ArrayList<>();
            for (int i = 0; i < axes.size(); i++) {
                int node = coordinate(cell, i);
                if (node != 0) {
                    nodes.add(axes.get(i).node(node));
                }
            }
            return nodes;
        }

        /**
         * The published non-zero cell, on a line through the withheld cells linked to the combination, whose
         * withholding leaves the combination undetermined (trying the smallest first); failing that the smallest of
         * them, so that each step adds an unknown.
         */
        private int breakingCandidate(List<Integer> combination, java.util.Set<Integer> linked) {
            java.util.TreeSet<Integer> candidates = new java.util.TreeSet<>(Comparator
                    .<Integer>comparingLong(cell -> values[cell]).thenComparingInt(cell -> cell));
            for (int cell : linked) {
                for (int l : linesOfCell.getOrDefault(cell, List.of())) {
                    if (lineFixed.get(l)) {
                        continue;
                    }
                    for (int member : lines.get(l)) {
                        if (!fixed[member] && !suppressed[member] && values[member] > 0) {
                            candidates.add(member);
                        }
                    }
                }
            }
            int tried = 0;
            for (int candidate : candidates) {
                if (tried++ == MAX_TRIALS) {
                    break;
                }
                suppressed[candidate] = true;
                boolean stillDetermined = determines(combination);
                suppressed[candidate] = false;
                if (!stillDetermined) {
                    return candidate;
                }
            }
            return candidates.isEmpty() ? -1 : candidates.first();
        }

        /** Whether the published cells determine the sum of the combination's cells. */
        private boolean determines(List<Integer> combination) {
            Map<Integer, Integer> column = unknownColumns();
            RowSpace space = new RowSpace(column.size(), equations(column));
            Map<Integer, Integer> vector = new HashMap<>();
            combination.forEach(cell -> vector.put(column.get(cell), 1));
            return space.determines(vector);
        }

        /**
         * The cells an attacker does not know: the withheld ones that are not zero. A withheld zero is counted as
         * known, because zeros are often structural (no ages recorded in a year, no sector outside forced labour)
         * and withholding them protects nothing.
         */
        private Map<Integer, Integer> unknownColumns() {
            Map<Integer, Integer> column = new LinkedHashMap<>();
            for (int cell = 0; cell < values.length; cell++) {
                if (suppressed[cell] && values[cell] != 0) {
                    column.put(cell, column.size());
                }
            }
            return column;
        }

        private List<Map<Integer, Integer>> equations(Map<Integer, Integer> column) {
            List<Map<Integer, Integer>> equations = new ArrayList<>();
            for (int[] line : lines) {
                Map<Integer, Integer> equation = new HashMap<>();
                for (int m = 0; m < line.length; m++) {
                    Integer col = column.get(line[m]);
                    if (col != null) {
                        equation.merge(col, m == 0 ? -1 : 1, Integer::sum);
                    }
                }
                if (!equation.isEmpty()) {
                    equations.add(equation);
                }
            }
            return equations;
        }

        /**
         * Withheld cells, and sets of small withheld cells of one line, that the published cells determine: what an
         * attacker solving all the table's equations would learn.
         */
        private List<List<Integer>> determinedCombinations() {
            Map<Integer, Integer> column = unknownColumns();
            if (column.isEmpty()) {
                return List.of();
            }
            RowSpace space = new RowSpace(column.size(), equations(column));
            List<List<Integer>> found = new ArrayList<>();
            for (Map.Entry<Integer, Integer> unknown : column.entrySet()) {
                // a withheld cell of k or more may be computable: it would have been published anyway
                if (isSmall(values[unknown.getKey()]) && space.determines(Map.of(unknown.getValue(), 1))) {
                    found.add(List.of(unknown.getKey()));
                }
            }
            if (!found.isEmpty()) {
                return found;
            }
            int[] budget = { MAX_SUBSET_CHECKS };
            for (int[] line : lines) {
                List<Integer> small = new ArrayList<>();
                for (int m = 1; m < line.length; m++) {
                    if (suppressed[line[m]] && isSmall(values[line[m]])) {
                        small.add(line[m]);
                    }
                }
                if (small.size() >= 2) {
                    subsets(small, 0, new ArrayList<>(), 0, column, space, found, budget);
                    if (!found.isEmpty()) {
                        return found;
                    }
                }
            }
            return found;
        }

        private void subsets(List<Integer> small, int from, List<Integer> chosen, long sum,
                Map<Integer, Integer> column, RowSpace space, List<List<Integer>> found, int[] budget) {
            for (int i = from; i < small.size() && budget[0] > 0 && found.isEmpty(); i++) {
                long next = sum + values[small.get(i)];
                if (next > k - 1) {
                    continue;
                }
                chosen.add(small.get(i));
                if (chosen.size() >= 2) {
                    budget[0]--;
                    Map<Integer, Integer> combination = new HashMap<>();
                    chosen.forEach(cell -> combination.put(column.get(cell), 1));
                    if (space.determines(combination)) {
                        found.add(List.copyOf(chosen));
                    }
                }
                subsets(small, i + 1, chosen, next, column, space, found, budget);
                chosen.remove(chosen.size() - 1);
            }
        }
    }
}
