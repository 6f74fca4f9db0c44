package dk.cmm.stats.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.cmm.stats.disclosure.TableGeometry.Cell;

/**
 * Cell suppression decided by the audit: withhold the small cells (primary suppression), ask the attacker's bounds
 * of every one of them, and for each that is not protected withhold more cells (secondary suppression), until every
 * bound meets the rule. The choice of secondary cells is greedy in the manner of τ-ARGUS's hypercube method: for a
 * cell of a two-way table, the corners of a rectangle with a partner row and a partner column (siblings first, so
 * that subtotals such as regions still add up, and large partners first, so that mass can move by k); for a cell of
 * a one-way table, a partner in that table and the same rows of every two-way table, so that the attacker cannot
 * pin the cell through the rows. Withholding more only widens every range, so a cell once protected stays
 * protected, and each round audits only the cells that failed. When rounds run out, whole lines and then whole
 * axes are withheld, which always ends: what the audit then still finds pinned is pinned by the cells that must be
 * published (the report's own), and is counted as such.
 */
final class Escalation {

    /** Rounds of partner choice before whole lines, then whole axes, are withheld. */
    static final int PARTNER_ROUNDS = 3;

    /** The outcome: the withheld cells, and what the audit measured. */
    record Outcome(Set<Cell> withheld, int audited, int primary, int rounds, List<Cell> pinnedByPublished) {
    }

    private final TableGeometry geometry;
    private final ProtectionRule rule;
    private final Set<Cell> mustPublish;
    private final Map<Cell, Long> previous;
    private final Map<Cell, Long> atLeast;
    private final Set<Cell> withheld = new LinkedHashSet<>();
    private final Map<Cell, Integer> attempts = new HashMap<>();

    /**
     * @param mustPublish cells that are published whatever the audit finds (the report's own numbers)
     * @param previous    the cells an earlier release of the year published, with their counts (empty for a first
     *                    release)
     */
    Escalation(TableGeometry geometry, ProtectionRule rule, Set<Cell> mustPublish, Map<Cell, Long> previous) {
        this(geometry, rule, mustPublish, Map.of(), previous);
    }

    /**
     * @param atLeast lower bounds of cells that the report proves (its tables over three axes), known to the
     *                attacker
     */
    Escalation(TableGeometry geometry, ProtectionRule rule, Set<Cell> mustPublish, Map<Cell, Long> atLeast,
            Map<Cell, Long> previous) {
        this.geometry = geometry;
        this.rule = rule;
        this.mustPublish = mustPublish;
        this.atLeast = atLeast;
        this.previous = previous;
    }

    Outcome run() {
        List<Cell> cells = geometry.cells();
        List<Cell> pending = new ArrayList<>();
        if (rule.isSmall(geometry.total())) {
            // a year this small publishes nothing but what must be published
            cells.stream().filter(c -> !mustPublish.contains(c)).forEach(withheld::add);
        }
        if (!previous.isEmpty()) {
            // a revision keeps the earlier release's pattern: a cell withheld then stays withheld, so that the two
            // releases together say no more about a cell that did not change than the earlier one said alone
            cells.stream().filter(c -> c.dimensions() > 0 && !previous.containsKey(c) && !mustPublish.contains(c))
                    .forEach(withheld::add);
        }
        for (Cell cell : cells) {
            if (needsProtection(cell)) {
                withhold(cell);
                pending.add(cell);
            }
        }
        int primary = withheld.size();
        int audited = pending.size();
        int round = 0;
        while (!pending.isEmpty() && round < PARTNER_ROUNDS + 2) {
            AttackerBounds bounds = new AttackerBounds(geometry, Set.copyOf(withheld), atLeast);
            List<Cell> failing = new ArrayList<>();
            for (Cell cell : pending) {
                if (!protects(bounds, cell)) {
                    failing.add(cell);
                }
            }
            if (failing.isEmpty()) {
                pending = failing;
                break;
            }
            for (Cell cell : failing) {
                if (round < PARTNER_ROUNDS) {
                    addPartners(cell);
                } else if (round == PARTNER_ROUNDS) {
                    withholdLines(cell);
                } else {
                    withholdAxes(cell);
                }
            }
            pending = failing;
            round++;
        }
        List<Cell> pinned = List.of();
        if (!pending.isEmpty()) {
            AttackerBounds bounds = new AttackerBounds(geometry, Set.copyOf(withheld), atLeast);
            pinned = pending.stream().filter(c -> !protects(bounds, c)).toList();
        }
        return new Outcome(Set.copyOf(withheld), audited, primary, round, pinned);
    }

    private boolean needsProtection(Cell cell) {
        // the year's total is always published (the yearly series); a year too small for it is handled above
        if (mustPublish.contains(cell) || cell.dimensions() == 0) {
            return false;
        }
        long count = geometry.value(cell);
        Long before = previous.get(cell);
        return rule.isSmall(count) || (before != null && rule.isSmallChange(before, count));
    }

    private boolean protects(AttackerBounds bounds, Cell cell) {
        try {
            return proven(bounds, cell);
        } catch (AttackerBounds.Undecided e) {
            return false; // not proven protected: withhold more, as for a cell the attacker pins
        }
    }

    private boolean proven(AttackerBounds bounds, Cell cell) {
        long count = geometry.value(cell);
        if (!previous.containsKey(cell) && rule.isSmall(count) && bounds.swapProves(cell, count, rule.k() - count)) {
            return true;
        }
        if (!previous.containsKey(cell) && rule.isSmall(count) && bounds.min(cell) > 0) {
            return false; // proven to exist: no need to ask for the upper bound
        }
        AttackerBounds.Range range = bounds.range(cell);
        if (rule.protects(range, count, previous.get(cell))) {
            return true;
        }
        if (!rule.isSmall(count) || mustPublish.isEmpty()) {
            return false; // a change between releases, or no report: nothing is excused
        }
        // what the report alone proves is no disclosure of ours: ask only for what it leaves open
        AttackerBounds.Range reportAlone = reportAlone().range(cell);
        return rule.protectsBeyond(range, count, reportAlone);
    }

    private AttackerBounds reportOnly;

    /** The attacker who knows the report's numbers only (every other cell withheld). */
    private AttackerBounds reportAlone() {
        if (reportOnly == null) {
            Set<Cell> all = new LinkedHashSet<>(geometry.cells());
            all.removeAll(mustPublish);
            all.remove(Cell.TOTAL);
            // without the lower bounds: they are a later report's numbers over several years, which the reports alone
            // do not split by year (the other years' releases do)
            reportOnly = new AttackerBounds(geometry, all);
        }
        return reportOnly;
    }

    private void withhold(Cell cell) {
        if (!mustPublish.contains(cell) && cell.dimensions() > 0) {
            withheld.add(cell);
        }
    }

    /** The next partner rectangle (or, in a one-way table, partner cell and rows) of a failing cell. */
    private void addPartners(Cell cell) {
        int attempt = attempts.merge(cell, 1, Integer::sum) - 1;
        if (cell.dimensions() == 1) {
            int a = cell.axisA();
            int p = cell.nodeA();
            int partner = partner(a, p, attempt, node -> geometry.value(Cell.of(a, node)));
            if (partner < 0) {
                withholdAxes(cell);
                return;
            }
            withholdPair(a, p, partner);
            withholdRows(a, p, partner);
            return;
        }
        int a = cell.axisA();
        int b = cell.axisB();
        int p = cell.nodeA();
        int q = cell.nodeB();
        int rowPartner = partner(a, p, attempt / 2, node -> geometry.value(Cell.of(a, node, b, q)));
        int columnPartner = partner(b, q, attempt / 2 + attempt % 2,
                node -> geometry.value(Cell.of(a, p, b, node)));
        if (rowPartner < 0 || columnPartner < 0) {
            withholdLines(cell);
            return;
        }
        for (int[] corner : List.of(new int[] { p, columnPartner }, new int[] { rowPartner, q },
                new int[] { rowPartner, columnPartner })) {
            withhold(Cell.of(a, corner[0], b, corner[1]));
            int parentA = geometry.axis(a).parent(corner[0]);
            int parentB = geometry.axis(b).parent(corner[1]);
            // a partner outside the cell's group moves mass between groups: their subtotals must be withheld too
            if (parentA != geometry.axis(a).parent(p)) {
                withhold(Cell.of(a, parentA, b, corner[1]));
                withhold(Cell.of(a, geometry.axis(a).parent(p), b, corner[1]));
            }
            if (parentB != geometry.axis(b).parent(q)) {
                withhold(Cell.of(a, corner[0], b, parentB));
                withhold(Cell.of(a, corner[0], b, geometry.axis(b).parent(q)));
            }
        }
    }

    /** A node and its partner in a one-way table, with their group subtotals where they differ. */
    private void withholdPair(int a, int p, int partner) {
        withhold(Cell.of(a, partner));
        Axis axis = geometry.axis(a);
        if (axis.parent(partner) != axis.parent(p)) {
            withhold(Cell.of(a, axis.parent(partner)));
            withhold(Cell.of(a, axis.parent(p)));
        }
    }

    /**
     * The rows of node {@code p} and its partner in every two-way table of its axis: every column where either
     * row has anyone, so that the attacker can move the cell's persons to the partner column by column.
     */
    private void withholdRows(int a, int p, int partner) {
        for (int b = 0; b < geometry.axisCount(); b++) {
            if (b == a) {
                continue;
            }
            for (int q = 1; q < geometry.axis(b).size(); q++) {
                Cell own = Cell.of(a, p, b, q);
                Cell other = Cell.of(a, partner, b, q);
                if (geometry.value(own) > 0 || geometry.value(other) > 0) {
                    withhold(own);
                    withhold(other);
                }
            }
        }
    }

    /** Every cell in the lines of a failing cell and of its axes' best partners. */
    private void withholdLines(Cell cell) {
        List<int[]> nodes = new ArrayList<>();
        nodes.add(new int[] { cell.axisA(), cell.nodeA() });
        if (cell.dimensions() == 2) {
            nodes.add(new int[] { cell.axisB(), cell.nodeB() });
        }
        for (int[] axisNode : List.copyOf(nodes)) {
            int a = axisNode[0];
            int partner = partner(a, axisNode[1], 0, node -> geometry.value(Cell.of(a, node)));
            if (partner >= 0) {
                nodes.add(new int[] { a, partner });
                nodes.add(new int[] { a, geometry.axis(a).parent(partner) });
            }
            nodes.add(new int[] { a, geometry.axis(a).parent(axisNode[1]) });
        }
        for (int[] axisNode : nodes) {
            if (axisNode[1] == 0) {
                continue;
            }
            withhold(Cell.of(axisNode[0], axisNode[1]));
            for (int b = 0; b < geometry.axisCount(); b++) {
                if (b != axisNode[0]) {
                    for (int q = 1; q < geometry.axis(b).size(); q++) {
                        withhold(Cell.of(axisNode[0], axisNode[1], b, q));
                    }
                }
            }
        }
    }

    /** Every cell on the axes of a failing cell: those axes publish nothing but what must be published. */
    private void withholdAxes(Cell cell) {
        Set<Integer> axes = new HashSet<>();
        axes.add(cell.axisA());
        if (cell.dimensions() == 2) {
            axes.add(cell.axisB());
        }
        for (Cell other : geometry.cells()) {
            if (axes.contains(other.axisA()) || (other.axisB() >= 0 && axes.contains(other.axisB()))) {
                withhold(other);
            }
        }
    }

    /**
     * The {@code rank}-th best partner of a node on its axis: a node of the same kind (leaf or group) that may be
     * withheld, larger counts before smaller (mass must be able to move by k), siblings before others at equal
     * counts; -1 when there is none.
     */
    private int partner(int a, int node, int rank, java.util.function.IntToLongFunction count) {
        Axis axis = geometry.axis(a);
        boolean leaf = axis.isLeaf(node);
        List<Integer> candidates = new ArrayList<>();
        for (int other = 1; other < axis.size(); other++) {
            if (other != node && axis.isLeaf(other) == leaf) {
                candidates.add(other);
            }
        }
        candidates.sort(Comparator.<Integer>comparingLong(o -> -count.applyAsLong(o))
                .thenComparingInt(o -> axis.parent(o) == axis.parent(node) ? 0 : 1).thenComparingInt(o -> o));
        return candidates.isEmpty() ? -1 : candidates.get(Math.min(rank, candidates.size() - 1));
    }
}
