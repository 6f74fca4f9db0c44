package dk.cmm.stats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dk.cmm.stats.disclosure.TableGeometry.Cell;
import dk.cmm.stats.disclosure.noise.DiscreteGaussian;
import dk.cmm.stats.disclosure.noise.PrivacyBudget;

/**
 * The noisy layer on small hand-made tables: what post-processing must keep (whole, non-negative numbers; exact
 * cells and margins; countries that sum to their region; zeros under a zero margin), that it finds the truth when
 * there is no noise, and an empirical privacy test: two datasets that differ by one person, many draws, and the
 * Rényi divergence of what is published within the configured ρ.
 */
class NoisyLayerTests {

    /** Nationality in regions (A: a1, a2, OTHER_A; B: b1, OTHER_B) by gender (F, M, U). */
    private static final List<Axis> AXES = List.of(
            Axis.groupedPairs("NATIONALITY", List.of(List.of("A", "a1"), List.of("A", "a2"), List.of("A", "OTHER_A"),
                    List.of("B", "b1"), List.of("B", "OTHER_B"))),
            Axis.flat("GENDER", List.of("F", "M", "U")));

    private static final int NAT = 0;
    private static final int GENDER = 1;
    private static final Cell A2 = Cell.of(NAT, AXES.get(NAT).indexOf("A/a2"));
    private static final Cell OTHER_A = Cell.of(NAT, AXES.get(NAT).indexOf("A/OTHER_A"));

    /** The workload: region × gender and nationality × gender. */
    private static final List<NoisyLayer.Table> TABLES = List.of(
            new NoisyLayer.Table("REGION:GENDER", new NoisyLayer.Level(NAT, true), new NoisyLayer.Level(GENDER, false)),
            new NoisyLayer.Table("NATIONALITY:GENDER", new NoisyLayer.Level(NAT, false),
                    new NoisyLayer.Level(GENDER, false)));

    /** Counts by (nationality leaf, gender leaf), node indices of the axes. */
    private static TableGeometry geometry(int[][] counts) {
        List<long[]> joint = new ArrayList<>();
        Axis nat = AXES.get(NAT);
        Axis gender = AXES.get(GENDER);
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts[i].length; j++) {
                if (counts[i][j] > 0) {
                    joint.add(new long[] { nat.indexOf(nat.leaves().get(i)), gender.indexOf(gender.leaves().get(j)),
                            counts[i][j] });
                }
            }
        }
        return new TableGeometry(AXES, joint);
    }

    private static final int[][] TRUTH = {
            { 12, 3, 0 }, // a1
            { 2, 1, 0 }, // a2
            { 1, 0, 0 }, // OTHER_A
            { 4, 4, 0 }, // b1
            { 0, 2, 0 }, // OTHER_B
    };

    /** What an exact layer would withhold: every two-way cell but (a1, F), and the one-way cell a2 (and OTHER_A). */
    private static Set<Cell> withheld(TableGeometry g) {
        Set<Cell> withheld = new HashSet<>();
        for (Cell cell : g.cells()) {
            if (cell.dimensions() == 2) {
                withheld.add(cell);
            }
        }
        Axis nat = AXES.get(NAT);
        withheld.remove(Cell.of(NAT, nat.indexOf("A/a1"), GENDER, AXES.get(GENDER).indexOf("F")));
        withheld.add(Cell.of(NAT, nat.indexOf("A/a2")));
        withheld.add(Cell.of(NAT, nat.indexOf("A/OTHER_A")));
        return withheld;
    }

    @Test
    void postProcessingKeepsEveryInvariantWhateverTheNoise() {
        TableGeometry g = geometry(TRUTH);
        Set<Cell> withheld = withheld(g);
        for (long seed = 1; seed <= 40; seed++) {
            DiscreteGaussian noise = new DiscreteGaussian(new BigDecimal("2"), new Random(seed));
            NoisyLayer.Result result = new NoisyLayer(g, withheld, 2.0).build(TABLES, noise::sample);
            assertThat(result.failed()).isEmpty();
            Map<Cell, Long> value = new HashMap<>();
            for (Cell cell : g.cells()) {
                if (!withheld.contains(cell)) {
                    value.put(cell, g.value(cell)); // exact
                    assertThat(result.cells()).doesNotContainKey(cell);
                } else if (cell.dimensions() == 2 || cell.equals(A2) || cell.equals(OTHER_A)) {
                    assertThat(result.cells()).as("every withheld cell of the workload has a noisy count: %s",
                            g.describe(cell)).containsKey(cell);
                    long v = result.cells().get(cell).value();
                    assertThat(v).isNotNegative();
                    value.put(cell, v);
                }
            }
            Axis nat = AXES.get(NAT);
            Axis gender = AXES.get(GENDER);
            for (int n = 1; n < nat.size(); n++) {
                long row = 0;
                for (int j = 1; j < gender.size(); j++) {
                    row += value.get(Cell.of(NAT, n, GENDER, j));
                }
                assertThat(row).as("row %s sums to its one-way cell", nat.node(n)).isEqualTo(value.get(Cell.of(NAT,
                        n)));
            }
            for (int j = 1; j < gender.size(); j++) {
                long column = 0;
                long regions = 0;
                for (String leaf : nat.leaves()) {
                    column += value.get(Cell.of(NAT, nat.indexOf(leaf), GENDER, j));
                }
                for (String region : nat.groups()) {
                    regions += value.get(Cell.of(NAT, nat.indexOf(region), GENDER, j));
                    long countries = 0;
                    for (int leaf : nat.children(nat.indexOf(region))) {
                        countries += value.get(Cell.of(NAT, leaf, GENDER, j));
                    }
                    assertThat(countries).as("countries sum to their region").isEqualTo(
                            value.get(Cell.of(NAT, nat.indexOf(region), GENDER, j)));
                }
                assertThat(column).isEqualTo(g.value(Cell.of(GENDER, j)));
                assertThat(regions).isEqualTo(g.value(Cell.of(GENDER, j)));
                // gender U has nobody: its cells are 0 whatever the noise
                if (gender.node(j).equals("U")) {
                    for (String leaf : nat.leaves()) {
                        assertThat(value.get(Cell.of(NAT, nat.indexOf(leaf), GENDER, j))).isZero();
                    }
                }
            }
            // a2 and OTHER_A are withheld one by one, but A is published: they sum to it
            assertThat(value.get(A2) + value.get(OTHER_A) + g.value(Cell.of(NAT, nat.indexOf("A/a1"))))
                    .isEqualTo(g.value(Cell.of(NAT, nat.indexOf("A"))));
        }
    }

    @Test
    void withoutNoiseThePostProcessedTablesAreTheTruth() {
        TableGeometry g = geometry(TRUTH);
        NoisyLayer.Result result = new NoisyLayer(g, withheld(g), 2.0).build(TABLES, () -> 0);
        result.cells().forEach((cell, estimate) -> assertThat(estimate.value()).as(g.describe(cell))
                .isEqualTo(g.value(cell)));
        assertThat(result.cells()).hasSizeGreaterThan(20);
        assertThat(result.measured()).containsExactly("REGION:GENDER", "NATIONALITY:GENDER");
    }

    @Test
    void theSameNoiseGivesTheSameTables() {
        TableGeometry g = geometry(TRUTH);
        Map<Cell, NoisyLayer.Estimate> first = new NoisyLayer(g, withheld(g), 2.0).build(TABLES,
                new DiscreteGaussian(new BigDecimal("2"), new Random(5))::sample).cells();
        Map<Cell, NoisyLayer.Estimate> again = new NoisyLayer(g, withheld(g), 2.0).build(TABLES,
                new DiscreteGaussian(new BigDecimal("2"), new Random(5))::sample).cells();
        assertThat(again).isEqualTo(first);
    }

    /**
     * Two datasets that differ by one person (one more in a1 × F), nothing published exactly, one table measured:
     * the Rényi divergence of order 2 between the distributions of a published cell, estimated from 6,000 draws of
     * each, must stay within what ρ-zCDP allows (D₂ ≤ 2ρ), and every output seen often enough within ε at δ = 10⁻⁶.
     * The same estimate for noise of σ = 1, while claiming the ρ of σ = 2, must exceed the bound: the test can fail.
     */
    @Test
    void oneMorePersonChangesWhatIsPublishedNoMoreThanRhoAllows() {
        List<NoisyLayer.Table> one = List.of(TABLES.get(1));
        double rho = PrivacyBudget.rhoPerTable(2.0);
        double d2 = renyi2(one, "2", 6_000);
        double d2Weak = renyi2(one, "1", 6_000);
        System.out.printf(java.util.Locale.ROOT, "Empirical privacy: D2 estimated %.3f for sigma 2 (bound 2 rho = %.3f), "
                + "%.3f for sigma 1%n", d2, 2 * rho, d2Weak);
        assertThat(d2).as("D₂ estimated, bound 2ρ = %s", 2 * rho).isLessThanOrEqualTo(2 * rho * 1.15);
        assertThat(d2Weak).as("σ = 1 against the bound of σ = 2").isGreaterThan(2 * rho * 2);
    }

    private static double renyi2(List<NoisyLayer.Table> tables, String sigma, int draws) {
        int[][] plusOne = new int[TRUTH.length][];
        for (int i = 0; i < TRUTH.length; i++) {
            plusOne[i] = TRUTH[i].clone();
        }
        plusOne[0][0]++;
        Map<Long, Integer> p = outputs(geometry(TRUTH), tables, sigma, draws, 11);
        Map<Long, Integer> q = outputs(geometry(plusOne), tables, sigma, draws, 12);
        double sum = 0;
        double epsilon = PrivacyBudget.epsilon(PrivacyBudget.rhoPerTable(2.0), PrivacyBudget.DELTA);
        for (Map.Entry<Long, Integer> e : p.entrySet()) {
            int qc = q.getOrDefault(e.getKey(), 0);
            if (e.getValue() >= 30 && qc >= 30) {
                double pp = (double) e.getValue() / draws;
                double qq = (double) qc / draws;
                sum += pp * pp / qq;
                if (sigma.equals("2")) {
                    assertThat(Math.abs(Math.log(pp / qq))).as("privacy loss at output %s", e.getKey())
                            .isLessThanOrEqualTo(epsilon);
                }
            }
        }
        return Math.log(sum);
    }

    /** The published count of a1 × F over many draws: value → how often. */
    private static Map<Long, Integer> outputs(TableGeometry g, List<NoisyLayer.Table> tables, String sigma,
            int draws, long seed) {
        Set<Cell> all = new HashSet<>(g.cells());
        Cell target = Cell.of(NAT, AXES.get(NAT).indexOf("A/a1"), GENDER, AXES.get(GENDER).indexOf("F"));
        DiscreteGaussian noise = new DiscreteGaussian(new BigDecimal(sigma), new Random(seed));
        Map<Long, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < draws; i++) {
            NoisyLayer.Result result = new NoisyLayer(g, all, Double.parseDouble(sigma)).build(tables, noise::sample);
            counts.merge(result.cells().get(target).value(), 1, Integer::sum);
        }
        return counts;
    }
}
