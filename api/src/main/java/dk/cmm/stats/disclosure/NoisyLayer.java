package dk.cmm.stats.disclosure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

import dk.cmm.stats.disclosure.TableGeometry.Cell;
import dk.cmm.stats.disclosure.noise.DiscreteGaussian;

/**
 * The noisy layer of a release, as the US Census Bureau's TopDown builds its tables: every cell of each workload
 * table (a two-way table at a level of each axis, such as region × gender) is measured once as its exact count plus
 * discrete Gaussian noise; then the tables are post-processed to the non-negative whole-number tables nearest the
 * measurements (least total absolute change, a linear program) that agree with every invariant: the cells the
 * exact layer publishes (margins, the report's numbers, zeros), rows and columns that sum to the one-way cells, and
 * countries that sum to their region. A withheld one-way cell on a workload axis becomes a variable of the same
 * program, so it is published noisily from the same measurement, consistent with every table it is a margin of.
 *
 * <p>Post-processing only reads the measurements and the invariants, so it costs no privacy; the measurements of a
 * table cost ρ = 1/(2σ²) each, whichever of their cells end up shown. Only withheld cells get a noisy value: an
 * exact cell stays exact.
 */
final class NoisyLayer {

    /** One side of a workload table: an axis, at its groups (REGION) or its leaves (NATIONALITY). */
    record Level(int axis, boolean group) {
    }

    /** A workload table. */
    record Table(String name, Level a, Level b) {
    }

    /** A noisy cell: the post-processed count and the 90 % half-width of its measurement's noise. */
    record Estimate(long value, int margin) {
    }

    /**
     * @param cells    the withheld cells that now have a noisy count
     * @param measured the names of the tables measured (each costs ρ)
     * @param failed   the tables whose program found no whole-number solution in time (their cells stay withheld)
     */
    record Result(Map<Cell, Estimate> cells, List<String> measured, List<String> failed) {
    }

    /** How long one whole-number program may run before its tables are left withheld. */
    static final long INTEGER_MILLIS = 5_000;

    private final TableGeometry geometry;
    private final Set<Cell> withheld;
    private final double sigma;

    NoisyLayer(TableGeometry geometry, Set<Cell> withheld, double sigma) {
        this.geometry = geometry;
        this.withheld = withheld;
        this.sigma = sigma;
    }

    /** Measures the tables with the given noise and post-processes them. */
    Result build(List<Table> tables, LongSupplier noise) {
        if (tables.isEmpty()) {
            return new Result(Map.of(), List.of(), List.of());
        }
        // the measurements, drawn in workload order, every cell of every table (the cells measured never depend on
        // the data, so each table costs the same ρ)
        Map<Cell, Long> measured = new LinkedHashMap<>();
        Map<String, List<Table>> byPair = new LinkedHashMap<>();
        for (Table table : tables) {
            for (int na : nodes(table.a())) {
                for (int nb : nodes(table.b())) {
                    Cell cell = Cell.of(table.a().axis(), na, table.b().axis(), nb);
                    measured.put(cell, geometry.value(cell) + noise.getAsLong());
                }
            }
            byPair.computeIfAbsent(table.a().axis() + ":" + table.b().axis(), k -> new ArrayList<>()).add(table);
        }
        Map<Integer, Boolean> yGroup = new HashMap<>(); // per axis: are its one-way variables groups (else leaves)
        tables.forEach(t -> {
            yGroup.merge(t.a().axis(), t.a().group(), Boolean::logicalAnd);
            yGroup.merge(t.b().axis(), t.b().group(), Boolean::logicalAnd);
        });
        List<String> pairs = new ArrayList<>(byPair.keySet());
        UnionFind programs = new UnionFind(pairs.size());
        // two pairs share a program when they share an axis whose one-way cells are not all published
        for (int i = 0; i < pairs.size(); i++) {
            for (int j = i + 1; j < pairs.size(); j++) {
                for (int axis : axesOf(byPair.get(pairs.get(i)).get(0))) {
                    if (axesOf(byPair.get(pairs.get(j)).get(0)).contains(axis) && free(axis, yGroup.get(axis))) {
                        programs.union(i, j);
                    }
                }
            }
        }
        Map<Cell, Estimate> cells = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        Map<Integer, List<List<Table>>> components = new LinkedHashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            components.computeIfAbsent(programs.find(i), k -> new ArrayList<>()).add(byPair.get(pairs.get(i)));
        }
        for (List<List<Table>> component : components.values()) {
            Map<Cell, Estimate> solved = new Program(component, yGroup, measured).solve();
            if (solved == null) {
                component.forEach(pair -> pair.forEach(t -> failed.add(t.name())));
            } else {
                cells.putAll(solved);
            }
        }
        return new Result(cells, tables.stream().map(Table::name).toList(), failed);
    }

    /** The withheld cells the tables could give a noisy count: their two-way cells and their axes' one-way cells. */
    Set<Cell> candidates(List<Table> tables) {
        Set<Cell> cells = new LinkedHashSet<>();
        for (Table table : tables) {
            for (int na : atOrAbove(table.a())) {
                cells.add(Cell.of(table.a().axis(), na));
                for (int nb : atOrAbove(table.b())) {
                    cells.add(Cell.of(table.a().axis(), na, table.b().axis(), nb));
                }
            }
            atOrAbove(table.b()).forEach(nb -> cells.add(Cell.of(table.b().axis(), nb)));
        }
        cells.retainAll(withheld);
        return cells;
    }

    private static Set<Integer> axesOf(Table table) {
        return Set.of(table.a().axis(), table.b().axis());
    }

    /** Whether an axis has a withheld one-way cell at or above its variables' level. */
    private boolean free(int axis, boolean group) {
        for (int node : atOrAbove(new Level(axis, group))) {
            if (withheld.contains(Cell.of(axis, node))) {
                return true;
            }
        }
        return false;
    }

    /** The nodes of a level. */
    private List<Integer> nodes(Level level) {
        Axis axis = geometry.axis(level.axis());
        List<Integer> nodes = new ArrayList<>();
        for (String node : level.group() ? axis.groups() : axis.leaves()) {
            nodes.add(axis.indexOf(node));
        }
        return nodes;
    }

    /** The nodes of a level and the nodes above it, the root aside. */
    private List<Integer> atOrAbove(Level level) {
        Set<Integer> nodes = new LinkedHashSet<>(nodes(level));
        if (!level.group()) {
            nodes.addAll(nodes(new Level(level.axis(), true)));
        }
        nodes.remove(0);
        return new ArrayList<>(nodes);
    }

    /** The nodes of a level under a node (itself if it is of the level). */
    private List<Integer> under(Level level, int node) {
        Set<Integer> leaves = new java.util.HashSet<>();
        for (int p : geometry.leafPositionsUnder(level.axis(), node)) {
            leaves.add(p);
        }
        List<Integer> found = new ArrayList<>();
        for (int n : nodes(level)) {
            if (leaves.contains(geometry.leafPositionsUnder(level.axis(), n)[0])) {
                found.add(n);
            }
        }
        return found;
    }

    /** The linear program of the tables that share unknown margins. */
    private final class Program {

        private final ExpressionsBasedModel model = new ExpressionsBasedModel();
        /** One-way variables per axis, by node. */
        private final Map<Integer, Map<Integer, Variable>> y = new LinkedHashMap<>();
        private final Map<Integer, Level> yLevel = new LinkedHashMap<>();
        /** Two-way variables per pair ("a:b"), by cell. */
        private final Map<String, Map<Cell, Variable>> x = new LinkedHashMap<>();
        private final Map<String, Level[]> xLevel = new LinkedHashMap<>();
        private final List<Expression> equalities = new ArrayList<>();
        private final List<List<Table>> pairs;
        private final Map<Cell, Long> measured;

        Program(List<List<Table>> pairs, Map<Integer, Boolean> yGroup, Map<Cell, Long> measured) {
            this.pairs = pairs;
            this.measured = measured;
            for (List<Table> pair : pairs) {
                for (int axis : axesOf(pair.get(0))) {
                    y.computeIfAbsent(axis, a -> {
                        Level level = new Level(a, yGroup.get(a));
                        yLevel.put(a, level);
                        Map<Integer, Variable> vars = new LinkedHashMap<>();
                        nodes(level).forEach(n -> vars.put(n, variable("y" + a + "_" + n)));
                        return vars;
                    });
                }
                Level la = new Level(pair.get(0).a().axis(), pair.stream().allMatch(t -> t.a().group()));
                Level lb = new Level(pair.get(0).b().axis(), pair.stream().allMatch(t -> t.b().group()));
                String key = la.axis() + ":" + lb.axis();
                xLevel.put(key, new Level[] { la, lb });
                Map<Cell, Variable> vars = new LinkedHashMap<>();
                for (int na : nodes(la)) {
                    for (int nb : nodes(lb)) {
                        vars.put(Cell.of(la.axis(), na, lb.axis(), nb), variable("x" + la.axis() + "_" + na + "_"
                                + lb.axis() + "_" + nb));
                    }
                }
                x.put(key, vars);
            }
            oneWayInvariants();
            twoWayInvariants();
            objective();
        }

        private Variable variable(String name) {
            return model.newVariable(name).lower(BigDecimal.ZERO);
        }

        private Expression equal(long value) {
            Expression e = model.newExpression("e" + model.countExpressions()).level(BigDecimal.valueOf(value));
            equalities.add(e);
            return e;
        }

        /** Each axis's variables sum to the total, and to every one-way cell the exact layer publishes. */
        private void oneWayInvariants() {
            y.forEach((axis, vars) -> {
                if (!withheld.contains(Cell.TOTAL)) {
                    Expression total = equal(geometry.total());
                    vars.values().forEach(v -> total.set(v, 1));
                }
                for (int node : atOrAbove(yLevel.get(axis))) {
                    Cell cell = Cell.of(axis, node);
                    if (!withheld.contains(cell)) {
                        Expression e = equal(geometry.value(cell));
                        under(yLevel.get(axis), node).forEach(n -> e.set(vars.get(n), 1));
                    }
                }
            });
        }

        /** Rows and columns sum to the one-way variables; published two-way cells keep their counts. */
        private void twoWayInvariants() {
            x.forEach((key, vars) -> {
                Level la = xLevel.get(key)[0];
                Level lb = xLevel.get(key)[1];
                for (int na : nodes(la)) {
                    Expression row = equal(0);
                    for (int nb : nodes(lb)) {
                        row.set(vars.get(Cell.of(la.axis(), na, lb.axis(), nb)), 1);
                    }
                    // the one-way variables under the row (the row's level is never finer than theirs)
                    for (int n : under(yLevel.get(la.axis()), na)) {
                        row.set(y.get(la.axis()).get(n), -1);
                    }
                }
                for (int nb : nodes(lb)) {
                    Expression column = equal(0);
                    for (int na : nodes(la)) {
                        column.set(vars.get(Cell.of(la.axis(), na, lb.axis(), nb)), 1);
                    }
                    for (int n : under(yLevel.get(lb.axis()), nb)) {
                        column.set(y.get(lb.axis()).get(n), -1);
                    }
                }
                for (int na : atOrAbove(la)) {
                    for (int nb : atOrAbove(lb)) {
                        Cell cell = Cell.of(la.axis(), na, lb.axis(), nb);
                        if (!withheld.contains(cell)) {
                            Expression e = equal(geometry.value(cell));
                            sumUnder(key, cell).forEach(v -> e.set(v, 1));
                        }
                    }
                }
            });
        }

        private List<Variable> sumUnder(String key, Cell cell) {
            Level la = xLevel.get(key)[0];
            Level lb = xLevel.get(key)[1];
            List<Variable> vars = new ArrayList<>();
            for (int na : under(la, cell.nodeA())) {
                for (int nb : under(lb, cell.nodeB())) {
                    vars.add(x.get(key).get(Cell.of(la.axis(), na, lb.axis(), nb)));
                }
            }
            return vars;
        }

        /** Least total absolute change: |Σ x under a measured cell − its measurement| as p + n. */
        private void objective() {
            for (List<Table> pair : pairs) {
                String key = pair.get(0).a().axis() + ":" + pair.get(0).b().axis();
                for (Table table : pair) {
                    for (int na : nodes(table.a())) {
                        for (int nb : nodes(table.b())) {
                            Cell cell = Cell.of(table.a().axis(), na, table.b().axis(), nb);
                            if (!withheld.contains(cell)) {
                                continue; // fixed by an invariant: its deviation is a constant
                            }
                            Variable plus = variable("p" + model.countVariables()).weight(BigDecimal.ONE);
                            Variable minus = variable("n" + model.countVariables()).weight(BigDecimal.ONE);
                            Expression e = model.newExpression("m" + model.countExpressions())
                                    .level(BigDecimal.valueOf(measured.get(cell)));
                            sumUnder(key, cell).forEach(v -> e.set(v, 1));
                            e.set(plus, -1).set(minus, 1);
                        }
                    }
                }
            }
        }

        /** The noisy cells, or null where no whole-number solution was found. */
        Map<Cell, Estimate> solve() {
            Optimisation.Result result = model.minimise();
            if (!result.getState().isOptimal() || !integral(result)) {
                // the relaxation is integral on the default workload (one axis flat per table); otherwise search
                y.values().forEach(vars -> vars.values().forEach(v -> v.integer(true)));
                x.values().forEach(vars -> vars.values().forEach(v -> v.integer(true)));
                model.options.time_abort = INTEGER_MILLIS;
                model.options.time_suffice = INTEGER_MILLIS;
                result = model.minimise();
                if (!result.getState().isFeasible() || !integral(result)) {
                    return null;
                }
            }
            solution = result;
            Map<Cell, Estimate> cells = new LinkedHashMap<>();
            int perTable = 1;
            y.forEach((axis, vars) -> {
                // a one-way cell is read off the smallest table it is a margin of
                int other = Integer.MAX_VALUE;
                for (Level[] levels : xLevel.values()) {
                    if (levels[0].axis() == axis) {
                        other = Math.min(other, nodes(levels[1]).size());
                    } else if (levels[1].axis() == axis) {
                        other = Math.min(other, nodes(levels[0]).size());
                    }
                }
                int margin = DiscreteGaussian.margin90(sigma, other);
                for (int node : atOrAbove(yLevel.get(axis))) {
                    Cell cell = Cell.of(axis, node);
                    if (withheld.contains(cell)) {
                        long value = 0;
                        for (int n : under(yLevel.get(axis), node)) {
                            value += value(vars.get(n));
                        }
                        cells.put(cell, new Estimate(value, margin));
                    }
                }
            });
            x.forEach((key, vars) -> {
                Level la = xLevel.get(key)[0];
                Level lb = xLevel.get(key)[1];
                for (int na : atOrAbove(la)) {
                    for (int nb : atOrAbove(lb)) {
                        Cell cell = Cell.of(la.axis(), na, lb.axis(), nb);
                        if (!withheld.contains(cell)) {
                            continue;
                        }
                        List<Variable> parts = sumUnder(key, cell);
                        long value = parts.stream().mapToLong(this::value).sum();
                        int margin = DiscreteGaussian.margin90(sigma, measured.containsKey(cell) ? perTable
                                : parts.size());
                        cells.put(cell, new Estimate(value, margin));
                    }
                }
            });
            return cells;
        }

        private Optimisation.Result solution;

        private long value(Variable v) {
            return Math.round(solution.doubleValue(model.indexOf(v)));
        }

        /** Whether the solution is whole and meets every equality exactly. */
        private boolean integral(Optimisation.Result result) {
            for (int i = 0; i < result.count(); i++) {
                double v = result.doubleValue(i);
                if (Math.abs(v - Math.rint(v)) > 1e-6 || v < -1e-9) {
                    return false;
                }
            }
            for (Expression e : equalities) {
                long sum = 0;
                for (Map.Entry<org.ojalgo.structure.Structure1D.IntIndex, BigDecimal> term : e.getLinearEntrySet()) {
                    double value = Math.rint(result.doubleValue(term.getKey().index));
                    sum += Math.round(term.getValue().doubleValue() * value);
                }
                if (sum != e.getLowerLimit().longValueExact()) {
                    return false;
                }
            }
            return true;
        }
    }
}
