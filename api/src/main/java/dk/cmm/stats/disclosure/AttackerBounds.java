package dk.cmm.stats.disclosure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

import dk.cmm.stats.disclosure.TableGeometry.Cell;

/**
 * What an attacker who knows every published cell can prove about a withheld one: the least and the greatest count
 * over all whole-number tables that agree with everything published, computed by linear programming (ojAlgo). The
 * unknowns are the withheld leaf cells of every table; the equations are the published cells above the leaves
 * (subtotals such as a region), and the margins that tie the tables together (a row of a two-way table sums to the
 * one-way cell, the one-way cells to the total). Counts are at least 0; nothing else is assumed, because zeros may
 * be withheld too. Where the linear optimum is fractional, the bound is recomputed with whole numbers.
 *
 * <p>Equations fall apart into independent groups (most margins are published), so each bound is a small program
 * over the group its cell belongs to.
 */
final class AttackerBounds {

    /** The attacker's range of a cell, in whole numbers. */
    record Range(long min, long max) {
    }

    /**
     * How long one whole-number program may run. Branch and bound can take hours on an unlucky table; a bound not
     * found in time is {@link Undecided}, and the cell counts as unprotected, so that more is withheld.
     */
    static final long INTEGER_MILLIS = 2_000;

    /** All whole-number programs of one audit together: past it, every further such bound is undecided. */
    static final long INTEGER_BUDGET_MILLIS = 10_000;

    private long integerNanos;

    /** A whole-number bound the solver did not prove in {@link #INTEGER_MILLIS}. */
    static final class Undecided extends RuntimeException {
        Undecided(String message) {
            super(message);
        }
    }

    /**
     * One equation: the sum of the variables (each with coefficient ±1) equals the constant, or, for a lower bound
     * the report proves, is at least it.
     */
    private record Equation(Map<Integer, Integer> terms, long constant, boolean atLeast) {
    }

    private final TableGeometry geometry;
    private final Set<Cell> withheld;
    private final Map<Cell, Integer> variables = new LinkedHashMap<>();
    private final List<Equation> equations = new ArrayList<>();
    private final int[] component;
    private final Map<Integer, List<Equation>> equationsOf = new HashMap<>();
    /** The two-way tables ("axisA:axisB") with a lower bound on one of their cells. */
    private final Set<String> boundedTables = new java.util.HashSet<>();

    AttackerBounds(TableGeometry geometry, Set<Cell> withheld) {
        this(geometry, withheld, Map.of());
    }

    /** @param atLeast lower bounds of cells, known to the attacker (a report's tables over three axes) */
    AttackerBounds(TableGeometry geometry, Set<Cell> withheld, Map<Cell, Long> atLeast) {
        this.geometry = geometry;
        this.withheld = withheld;
        for (Cell cell : withheld) {
            if (geometry.isLeafCell(cell)) {
                variables.put(cell, variables.size());
            }
        }
        addPublishedSubtotals();
        addMargins();
        atLeast.forEach((cell, bound) -> {
            Map<Integer, Integer> terms = new LinkedHashMap<>();
            long constant = sumUnder(cell, terms);
            terms.values().removeIf(c -> c == 0);
            if (!terms.isEmpty() && bound > constant) {
                equations.add(new Equation(Map.copyOf(terms), bound - constant, true));
                boundedTables.add(cell.axisA() + ":" + cell.axisB());
            }
        });
        component = components();
        for (Equation equation : equations) {
            int first = equation.terms().keySet().iterator().next();
            equationsOf.computeIfAbsent(component[first], c -> new ArrayList<>()).add(equation);
        }
    }

    /**
     * A quick proof of protection for a leaf cell of a two-way table, without solving: two rectangles of withheld
     * cells with the cell as a corner, along which counts can move (minus, plus, plus, minus at the corners) while
     * every published cell keeps its count; one lets the cell fall by {@code down}, the other rise by {@code up}.
     * Each is a whole-number table that agrees with everything published, so the attacker's range reaches both
     * ends. False means only that no such pair was found; the linear program then decides.
     */
    boolean swapProves(Cell cell, long down, long up) {
        // a rectangle's move may take a cell below what the report proves of it: the program decides there
        if (cell.dimensions() != 2 || !geometry.isLeafCell(cell)
                || boundedTables.contains(cell.axisA() + ":" + cell.axisB())) {
            return false;
        }
        int a = cell.axisA();
        int b = cell.axisB();
        int p = cell.nodeA();
        int q = cell.nodeB();
        boolean downFound = down <= 0;
        boolean upFound = up <= 0;
        Axis axisA = geometry.axis(a);
        Axis axisB = geometry.axis(b);
        for (int p2 = 1; p2 < axisA.size() && !(downFound && upFound); p2++) {
            if (p2 == p || !axisA.isLeaf(p2) || !withheld.contains(Cell.of(a, p2, b, q))) {
                continue;
            }
            for (int q2 = 1; q2 < axisB.size() && !(downFound && upFound); q2++) {
                if (q2 == q || !axisB.isLeaf(q2) || !withheld.contains(Cell.of(a, p, b, q2))
                        || !withheld.contains(Cell.of(a, p2, b, q2)) || !balanced(a, p, p2, b, q, q2)) {
                    continue;
                }
                long along = Math.min(geometry.value(Cell.of(a, p, b, q2)), geometry.value(Cell.of(a, p2, b, q)));
                downFound |= geometry.value(Cell.of(a, p2, b, q2)) >= down;
                upFound |= along >= up;
            }
        }
        return downFound && upFound;
    }

    /** Whether every published cell over the rectangle's corners keeps its count when they move. */
    private boolean balanced(int a, int p, int p2, int b, int q, int q2) {
        Axis axisA = geometry.axis(a);
        Axis axisB = geometry.axis(b);
        for (int nodeA : ancestorsOf(axisA, p, p2)) {
            for (int nodeB : ancestorsOf(axisB, q, q2)) {
                int change = sign(axisA, nodeA, p) * sign(axisB, nodeB, q)
                        - sign(axisA, nodeA, p) * sign(axisB, nodeB, q2)
                        - sign(axisA, nodeA, p2) * sign(axisB, nodeB, q)
                        + sign(axisA, nodeA, p2) * sign(axisB, nodeB, q2);
                if (change != 0 && !withheld.contains(Cell.of(a, nodeA, b, nodeB))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** 1 where {@code node} is the leaf or one of its ancestors, else 0. */
    private static int sign(Axis axis, int node, int leaf) {
        for (int n = leaf; n >= 0; n = axis.parent(n)) {
            if (n == node) {
                return 1;
            }
        }
        return 0;
    }

    private static Set<Integer> ancestorsOf(Axis axis, int... leaves) {
        Set<Integer> nodes = new TreeSet<>();
        for (int leaf : leaves) {
            for (int n = leaf; n >= 0; n = axis.parent(n)) {
                nodes.add(n);
            }
        }
        return nodes;
    }

    /** The least count the attacker can prove for a cell. */
    long min(Cell cell) {
        Map<Integer, Integer> objective = new LinkedHashMap<>();
        long constant = sumUnder(cell, objective);
        return objective.isEmpty() ? constant : constant + bound(objective, false);
    }

    /** The attacker's range of a cell's count. */
    Range range(Cell cell) {
        Map<Integer, Integer> objective = new LinkedHashMap<>();
        long constant = sumUnder(cell, objective);
        if (objective.isEmpty()) {
            return new Range(constant, constant);
        }
        return new Range(constant + bound(objective, false), constant + bound(objective, true));
    }

    /**
     * Whether the published cells pin a cell to one count: its range over the continuous relaxation is a point (the
     * whole-number range lies inside it, so this never calls a cell pinned that is not). No whole-number search.
     */
    boolean pinned(Cell cell) {
        Map<Integer, Integer> objective = new LinkedHashMap<>();
        sumUnder(cell, objective);
        objective.values().removeIf(c -> c == 0);
        if (objective.isEmpty()) {
            return true;
        }
        Program program = relaxed(objective);
        return program.solve(objective, true) - program.solve(objective, false) < 1e-6;
    }

    /** The continuous program of the groups an objective's variables belong to, built once per set of groups. */
    private Program relaxed(Map<Integer, Integer> objective) {
        return programs.computeIfAbsent(groupsOf(objective), g -> new Program(g, false));
    }

    private Set<Integer> groupsOf(Map<Integer, Integer> objective) {
        Set<Integer> groups = new TreeSet<>();
        objective.keySet().forEach(v -> groups.add(component[v]));
        return groups;
    }

    private long bound(Map<Integer, Integer> objective, boolean maximise) {
        Program program = relaxed(objective);
        double relaxed = program.solve(objective, maximise);
        long rounded = maximise ? (long) Math.floor(relaxed + 1e-6) : (long) Math.ceil(relaxed - 1e-6);
        if (Math.abs(relaxed - Math.rint(relaxed)) < 1e-6 && program.lastSolutionIntegral) {
            return rounded;
        }
        if (integerNanos > INTEGER_BUDGET_MILLIS * 1_000_000) {
            throw new Undecided("the whole-number programs of this audit used their " + INTEGER_BUDGET_MILLIS + " ms");
        }
        long start = System.nanoTime();
        try {
            Program integers = integerPrograms.computeIfAbsent(groupsOf(objective), g -> new Program(g, true));
            return Math.round(integers.solve(objective, maximise));
        } finally {
            integerNanos += System.nanoTime() - start;
        }
    }

    private final Map<Set<Integer>, Program> programs = new HashMap<>();
    private final Map<Set<Integer>, Program> integerPrograms = new HashMap<>();

    /**
     * The equations of some groups as one model, built once and solved for one objective after another (the
     * objective is the variables' weights, reset between solves).
     */
    private final class Program {

        private final ExpressionsBasedModel model = new ExpressionsBasedModel();
        private final Map<Integer, Variable> vars = new HashMap<>();
        private Map<Integer, Integer> lastObjective = Map.of();
        private boolean integers;
        boolean lastSolutionIntegral;

        Program(Set<Integer> groups, boolean integers) {
            for (int v = 0; v < component.length; v++) {
                if (groups.contains(component[v])) {
                    Variable variable = model.newVariable("x" + v).lower(BigDecimal.ZERO);
                    vars.put(v, integers ? variable.integer(true) : variable);
                }
            }
            this.integers = integers;
            if (integers) {
                model.options.time_abort = INTEGER_MILLIS;
                model.options.time_suffice = INTEGER_MILLIS;
            }
            for (int group : groups) {
                for (Equation equation : equationsOf.getOrDefault(group, List.of())) {
                    Expression expression = model.newExpression("e" + model.countExpressions());
                    if (equation.atLeast()) {
                        expression.lower(BigDecimal.valueOf(equation.constant()));
                    } else {
                        expression.level(BigDecimal.valueOf(equation.constant()));
                    }
                    equation.terms().forEach((v, coefficient) -> expression.set(vars.get(v), coefficient));
                }
            }
        }

        double solve(Map<Integer, Integer> objective, boolean maximise) {
            lastObjective.keySet().forEach(v -> vars.get(v).weight(BigDecimal.ZERO));
            objective.forEach((v, coefficient) -> vars.get(v).weight(BigDecimal.valueOf(coefficient)));
            lastObjective = objective;
            Optimisation.Result result = maximise ? model.maximise() : model.minimise();
            if (integers && !result.getState().isOptimal() && result.getState() != Optimisation.State.INFEASIBLE) {
                throw new Undecided("no whole-number optimum proven in " + INTEGER_MILLIS + " ms");
            }
            if (!result.getState().isOptimal()) {
                throw new IllegalStateException("the attacker's program has no optimum (" + result.getState()
                        + "): the published cells contradict each other");
            }
            double value = 0;
            for (Map.Entry<Integer, Integer> term : objective.entrySet()) {
                value += term.getValue() * result.doubleValue(model.indexOf(vars.get(term.getKey())));
            }
            lastSolutionIntegral = true;
            for (int i = 0; i < result.count(); i++) {
                double x = result.doubleValue(i);
                if (Math.abs(x - Math.rint(x)) > 1e-6) {
                    lastSolutionIntegral = false;
                    break;
                }
            }
            return value;
        }
    }

    /** Published cells above the leaves: the leaf cells under each sum to its count. */
    private void addPublishedSubtotals() {
        for (Cell cell : geometry.cells()) {
            if (!geometry.isLeafCell(cell) && !withheld.contains(cell)) {
                Map<Integer, Integer> terms = new LinkedHashMap<>();
                long constant = sumUnder(cell, terms);
                add(terms, geometry.value(cell) - constant);
            }
        }
    }

    /** Rows and columns of each two-way table sum to the one-way cells, the one-way cells to the total. */
    private void addMargins() {
        int n = geometry.axisCount();
        for (int a = 0; a < n; a++) {
            Map<Integer, Integer> terms = new LinkedHashMap<>();
            long constant = 0;
            for (int la = 0; la < geometry.leafCount(a); la++) {
                constant += term(leafCell(a, la), 1, terms);
            }
            constant += term(Cell.TOTAL, -1, terms);
            add(terms, -constant);
            for (int b = a + 1; b < n; b++) {
                for (int la = 0; la < geometry.leafCount(a); la++) {
                    Map<Integer, Integer> row = new LinkedHashMap<>();
                    long c = term(leafCell(a, la), -1, row);
                    for (int lb = 0; lb < geometry.leafCount(b); lb++) {
                        c += term(pairCell(a, la, b, lb), 1, row);
                    }
                    add(row, -c);
                }
                for (int lb = 0; lb < geometry.leafCount(b); lb++) {
                    Map<Integer, Integer> column = new LinkedHashMap<>();
                    long c = term(leafCell(b, lb), -1, column);
                    for (int la = 0; la < geometry.leafCount(a); la++) {
                        c += term(pairCell(a, la, b, lb), 1, column);
                    }
                    add(column, -c);
                }
            }
        }
    }

    private Cell leafCell(int a, int leafPosition) {
        return Cell.of(a, geometry.axis(a).size() - geometry.leafCount(a) + leafPosition);
    }

    private Cell pairCell(int a, int la, int b, int lb) {
        return new Cell(a, geometry.axis(a).size() - geometry.leafCount(a) + la, b,
                geometry.axis(b).size() - geometry.leafCount(b) + lb);
    }

    /** Adds a leaf cell to an equation: as a variable if withheld and unknown, else its count is returned. */
    private long term(Cell leaf, int coefficient, Map<Integer, Integer> terms) {
        Integer v = variables.get(leaf);
        if (v == null) {
            return coefficient * geometry.value(leaf);
        }
        terms.merge(v, coefficient, Integer::sum);
        return 0;
    }

    /** The leaf cells under a cell: variables into {@code terms}, the published ones summed and returned. */
    private long sumUnder(Cell cell, Map<Integer, Integer> terms) {
        long constant = 0;
        switch (cell.dimensions()) {
            case 0 -> constant += term(Cell.TOTAL, 1, terms);
            case 1 -> {
                for (int la : geometry.leafPositionsUnder(cell.axisA(), cell.nodeA())) {
                    constant += term(leafCell(cell.axisA(), la), 1, terms);
                }
            }
            default -> {
                int[] lbs = geometry.leafPositionsUnder(cell.axisB(), cell.nodeB());
                for (int la : geometry.leafPositionsUnder(cell.axisA(), cell.nodeA())) {
                    for (int lb : lbs) {
                        constant += term(pairCell(cell.axisA(), la, cell.axisB(), lb), 1, terms);
                    }
                }
            }
        }
        return constant;
    }

    private void add(Map<Integer, Integer> terms, long constant) {
        terms.values().removeIf(c -> c == 0);
        if (!terms.isEmpty()) {
            equations.add(new Equation(Map.copyOf(terms), constant, false));
        }
    }

    /** The group of each variable: two variables in one equation are in one group ({@link UnionFind}). */
    private int[] components() {
        UnionFind groups = new UnionFind(variables.size());
        for (Equation equation : equations) {
            int first = -1;
            for (int v : equation.terms().keySet()) {
                if (first < 0) {
                    first = groups.find(v);
                } else {
                    groups.union(v, first);
                }
            }
        }
        return groups.roots();
    }
}
