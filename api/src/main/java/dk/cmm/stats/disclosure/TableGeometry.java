package dk.cmm.stats.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tables of one release and how their cells relate: every table over at most two axes (the grand total, each
 * axis alone, each pair), each cell one node per axis of its table (a leaf, or a group such as a region), and the
 * exact counts. A cell of a smaller table is the margin of every larger one, so a cell is identified by its
 * non-root nodes alone ({@link Cell}); a node cell is the sum of the leaf cells under it. This is all the attacker
 * and the protection rule need to know about the shape of what is published.
 */
final class TableGeometry {

    /** A cell: up to two (axis, node) pairs with {@code axisA < axisB}; -1 where the cell has fewer axes. */
    record Cell(int axisA, int nodeA, int axisB, int nodeB) {

        static final Cell TOTAL = new Cell(-1, 0, -1, 0);

        static Cell of(int axis, int node) {
            return new Cell(axis, node, -1, 0);
        }

        static Cell of(int axis1, int node1, int axis2, int node2) {
            if (node1 == 0) {
                return node2 == 0 ? TOTAL : of(axis2, node2);
            }
            if (node2 == 0) {
                return of(axis1, node1);
            }
            return axis1 < axis2 ? new Cell(axis1, node1, axis2, node2) : new Cell(axis2, node2, axis1, node1);
        }

        int dimensions() {
            return axisA < 0 ? 0 : axisB < 0 ? 1 : 2;
        }
    }

    private final List<Axis> axes;
    /** Per axis and node: the leaf indices under it (a leaf: itself). */
    private final int[][][] leavesUnder;
    /** Exact counts per leaf combination of every pair of axes, [a][b][leafA * leaves(b) + leafB], a < b. */
    private final long[][][] pairCounts;
    private final long[][] singleCounts;
    private final long total;

    /**
     * @param axes   the release's axes
     * @param joint  the exact joint counts: each row one leaf node index per axis, then the count
     */
    TableGeometry(List<Axis> axes, List<long[]> joint) {
        this.axes = List.copyOf(axes);
        int n = axes.size();
        leavesUnder = new int[n][][];
        for (int a = 0; a < n; a++) {
            Axis axis = axes.get(a);
            leavesUnder[a] = new int[axis.size()][];
            for (int node = 0; node < axis.size(); node++) {
                leavesUnder[a][node] = leavesOf(axis, node).stream().mapToInt(Integer::intValue).toArray();
            }
        }
        pairCounts = new long[n][n][];
        singleCounts = new long[n][];
        for (int a = 0; a < n; a++) {
            singleCounts[a] = new long[leafCount(a)];
            for (int b = a + 1; b < n; b++) {
                pairCounts[a][b] = new long[leafCount(a) * leafCount(b)];
            }
        }
        long sum = 0;
        for (long[] row : joint) {
            long count = row[n];
            sum += count;
            for (int a = 0; a < n; a++) {
                int la = leafPosition(a, (int) row[a]);
                singleCounts[a][la] += count;
                for (int b = a + 1; b < n; b++) {
                    pairCounts[a][b][la * leafCount(b) + leafPosition(b, (int) row[b])] += count;
                }
            }
        }
        total = sum;
    }

    private static List<Integer> leavesOf(Axis axis, int node) {
        List<Integer> leaves = new ArrayList<>();
        if (axis.isLeaf(node)) {
            leaves.add(node);
        } else {
            for (int child : axis.children(node)) {
                leaves.addAll(leavesOf(axis, child));
            }
        }
        return leaves;
    }

    List<Axis> axes() {
        return axes;
    }

    Axis axis(int a) {
        return axes.get(a);
    }

    int axisCount() {
        return axes.size();
    }

    /** Leaves of an axis (leaf positions 0..n-1 are the axis's leaf nodes in order). */
    int leafCount(int a) {
        return axes.get(a).leaves().size();
    }

    /** The position of a leaf node among the axis's leaves. */
    int leafPosition(int a, int leafNode) {
        return leafNode - (axes.get(a).size() - leafCount(a));
    }

    /** The leaf positions under a node. */
    int[] leafPositionsUnder(int a, int node) {
        return Arrays.stream(leavesUnder[a][node]).map(leaf -> leafPosition(a, leaf)).toArray();
    }

    long total() {
        return total;
    }

    long single(int a, int leafPosition) {
        return singleCounts[a][leafPosition];
    }

    long pair(int a, int b, int leafA, int leafB) {
        return pairCounts[a][b][leafA * leafCount(b) + leafB];
    }

    /** The exact count of a cell: the sum of the leaf cells under it. */
    long value(Cell cell) {
        return switch (cell.dimensions()) {
            case 0 -> total;
            case 1 -> {
                long sum = 0;
                for (int la : leafPositionsUnder(cell.axisA(), cell.nodeA())) {
                    sum += singleCounts[cell.axisA()][la];
                }
                yield sum;
            }
            default -> {
                long sum = 0;
                int[] lbs = leafPositionsUnder(cell.axisB(), cell.nodeB());
                for (int la : leafPositionsUnder(cell.axisA(), cell.nodeA())) {
                    for (int lb : lbs) {
                        sum += pair(cell.axisA(), cell.axisB(), la, lb);
                    }
                }
                yield sum;
            }
        };
    }

    /** Every cell of every table, smaller tables first. */
    List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.TOTAL);
        for (int a = 0; a < axes.size(); a++) {
            for (int node = 1; node < axes.get(a).size(); node++) {
                cells.add(Cell.of(a, node));
            }
        }
        for (int a = 0; a < axes.size(); a++) {
            for (int b = a + 1; b < axes.size(); b++) {
                for (int na = 1; na < axes.get(a).size(); na++) {
                    for (int nb = 1; nb < axes.get(b).size(); nb++) {
                        cells.add(new Cell(a, na, b, nb));
                    }
                }
            }
        }
        return cells;
    }

    /** Whether a cell is a leaf cell of its table (every node a leaf). */
    boolean isLeafCell(Cell cell) {
        return switch (cell.dimensions()) {
            case 0 -> true;
            case 1 -> axes.get(cell.axisA()).isLeaf(cell.nodeA());
            default -> axes.get(cell.axisA()).isLeaf(cell.nodeA()) && axes.get(cell.axisB()).isLeaf(cell.nodeB());
        };
    }

    /** The node ids of a cell, per axis name, for messages and storage. */
    String describe(Cell cell) {
        return switch (cell.dimensions()) {
            case 0 -> "total";
            case 1 -> axes.get(cell.axisA()).name() + "=" + axes.get(cell.axisA()).node(cell.nodeA());
            default -> axes.get(cell.axisA()).name() + "=" + axes.get(cell.axisA()).node(cell.nodeA()) + ", "
                    + axes.get(cell.axisB()).name() + "=" + axes.get(cell.axisB()).node(cell.nodeB());
        };
    }
}
