package dk.cmm.stats.disclosure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.disclosure.TableGeometry.Cell;
import dk.cmm.stats.outreach.Programme;
import dk.cmm.stats.person.Person;
import dk.cmm.stats.stats.CellCount;
import dk.cmm.stats.stats.CellCounts;
import dk.cmm.stats.stats.NumericSummary;
import dk.cmm.stats.stats.PersonFilter;
import dk.cmm.stats.stats.Stats;
import dk.cmm.stats.stats.StatsService;

/**
 * Builds a year's release: the exact joint counts from {@code stats}, the tables over at most two axes, protected
 * by {@link Escalation} under {@link ProtectionRule}, with an earlier release of the year (a revision's) and the
 * report's own numbers as what the attacker knows.
 */
@Component
public class ReleaseBuilder {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReleaseBuilder.class);

    public static final String PERSONS = "PERSONS";
    public static final String HOTLINE = "HOTLINE";

    private static final Map<String, Escalation.Outcome> OUTCOMES = new java.util.concurrent.ConcurrentHashMap<>();
    /** The pinned workload cells of an outcome and a workload: like the outcome, a function of the counts alone. */
    private static final Map<String, Set<Cell>> PINNED = new java.util.concurrent.ConcurrentHashMap<>();

    private final CellCounts cellCounts;
    private final StatsService stats;
    private final Codebook codebook;
    private final DisclosureProperties properties;

    public ReleaseBuilder(CellCounts cellCounts, StatsService stats, Codebook codebook,
            DisclosureProperties properties) {
        this.cellCounts = cellCounts;
        this.stats = stats;
        this.codebook = codebook;
        this.properties = properties;
    }

    /** The axes a subject's release would have today. */
    ReleaseAxes axes(String subject, Set<String> named) {
        if (HOTLINE.equals(subject)) {
            return ReleaseAxes.hotline();
        }
        List<String> programmes = cellCounts.distinct(Programme.COLLECTION, "_id");
        List<String> outcomeYears = cellCounts.distinct(Person.COLLECTION, "outcomeYear");
        return ReleaseAxes.persons(codebook, programmes, outcomeYears, named);
    }

    /**
     * The countries published one by one: the configured ones, and where the report breaks the year down by
     * nationality, every country it lists (public by the centre's choice).
     */
    private Set<String> namedCountries(ReleaseAxes provisional, List<CellCount> joint,
            List<ReportedCells.Table> reportCells) {
        Set<String> named = new java.util.TreeSet<>(properties.namedCountrySet());
        reportCells.forEach(table -> {
            String country = table.filter().get("NATIONALITY");
            if (country != null && !Codebook.UNKNOWN.equals(country)) {
                named.add(country);
            }
        });
        if (reportCells.stream().anyMatch(t -> t.filter().isEmpty() && t.groupBy().equals(List.of("NATIONALITY")))) {
            int field = provisional.fields().indexOf("nationality");
            joint.forEach(cell -> named.add(cell.values().get(field)));
            named.remove(Codebook.UNKNOWN);
        }
        return named;
    }

    /**
     * A release of the year.
     *
     * @param previous     the year's latest release, or null for its first
     * @param reportCells  cells the centre's report publishes exactly (dimension → code, at most two axes): always
     *                     published, and known to the attacker
     */
    public Release build(String subject, int year, Release previous, List<ReportedCells.Table> reportCells,
            String publishedBy) {
        return build(subject, year, previous, reportCells, publishedBy, null).release();
    }

    /** A release with the exact tables it was built from (for the attacker trials, which grade against them). */
    record Built(Release release, TableGeometry geometry) {
    }

    /**
     * A release whose noise comes from the given source (null: the configured one, {@link java.security.SecureRandom}
     * unless a seed is set), with its exact tables. Trials publish one year many times with different seeds.
     */
    Built build(String subject, int year, Release previous, List<ReportedCells.Table> reportCells,
            String publishedBy, java.util.Random noiseSource) {
        long start = System.nanoTime();
        ReleaseAxes provisional = axes(subject, properties.namedCountrySet());
        List<CellCount> counts = cellCounts.of(provisional.collection(), provisional.yearField(), year,
                provisional.fields());
        ReleaseAxes axes = HOTLINE.equals(subject) ? provisional
                : axes(subject, namedCountries(provisional, counts, reportCells));
        List<long[]> joint = new ArrayList<>();
        for (CellCount cell : counts) {
            int[] leaves = axes.leavesOf(cell.values());
            if (leaves == null) {
                throw new IllegalStateException("A " + subject.toLowerCase() + " record of " + year
                        + " has a combination of codes the published tables have no cell for: " + cell.values());
            }
            long[] row = new long[leaves.length + 1];
            for (int a = 0; a < leaves.length; a++) {
                row[a] = leaves[a];
            }
            row[leaves.length] = cell.count();
            joint.add(row);
        }
        TableGeometry geometry = new TableGeometry(axes.axes(), joint);
        ProtectionRule rule = new ProtectionRule(properties.k());
        Map<Cell, Long> before = previous == null ? Map.of() : previousCells(geometry, previous);
        Map<Cell, Long> atLeast = new HashMap<>();
        Set<Cell> mustPublish = reportCells(axes, geometry, joint, reportCells, atLeast);
        // the protection is a function of the counts alone: the same counts (in another test context, or published
        // again unchanged) are protected the same way without solving again
        List<String> jointText = joint.stream().map(java.util.Arrays::toString).sorted().toList();
        String signature = axes.axes() + "|" + properties.k() + "|" + jointText + "|" + mustPublish + "|" + new java.util.TreeMap<>(atLeast.entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue)))
                + "|" + new java.util.TreeMap<>(before.entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue)));
        Escalation.Outcome outcome = OUTCOMES.computeIfAbsent(signature,
                s -> new Escalation(geometry, rule, mustPublish, atLeast, before).run());
        boolean measured = PERSONS.equals(subject) && properties.noise().enabled();
        Set<Cell> withheld = outcome.withheld();
        if (measured) {
            // a withheld cell of the workload that the published cells pin to one count is known to everyone: it is
            // published exact, not as an estimate with a margin it does not have (a column whose other cells are
            // exact zeros). Decided before the noise, from the exact layer alone, so that publishing the same
            // counts again finds the same cells and measures nothing new.
            Set<Cell> exactLayer = withheld;
            Set<Cell> pinned = PINNED.computeIfAbsent(signature + "|" + properties.noise().tables(),
                    s -> pinned(geometry, exactLayer, workload(axes, properties.noise().tables())));
            withheld = new HashSet<>(withheld);
            withheld.removeAll(pinned);
        }
        Map<String, Long> published = new HashMap<>();
        long inPublished = 0;
        int[] occupied = new int[3];
        int[] occupiedPublished = new int[3];
        List<Cell> cells = geometry.cells();
        for (Cell cell : cells) {
            long value = geometry.value(cell);
            boolean shown = !withheld.contains(cell);
            if (value > 0) {
                occupied[cell.dimensions()]++;
                occupiedPublished[cell.dimensions()] += shown ? 1 : 0;
            }
            if (shown) {
                published.put(key(geometry, cell), value);
                if (cell.dimensions() > 0) {
                    inPublished += value;
                }
            }
        }
        Map<String, Release.Noisy> noisy = new HashMap<>();
        String countsAndPattern = axes.axes() + "|" + jointText + "|" + new java.util.TreeMap<>(published);
        Release.Noise noise = measured
                ? noisyLayer(axes, geometry, withheld, previous, noiseSource, countsAndPattern, noisy)
                : null;
        NumericSummary age = null;
        NumericSummary stayDays = null;
        if (PERSONS.equals(subject)) {
            Stats exact = stats.personStats(PersonFilter.builder().assessmentYears(year).build(), List.of(), false);
            age = summary(exact.age(), exact.total());
            stayDays = summary(exact.stayDays(), exact.total());
        }
        int[] occupiedNoisy = new int[3];
        for (Cell cell : cells) {
            if (geometry.value(cell) > 0 && noisy.containsKey(key(geometry, cell))) {
                occupiedNoisy[cell.dimensions()]++;
            }
        }
        Release.Audit audit = new Release.Audit(cells.size(), withheld.size(), outcome.primary(),
                outcome.audited(), outcome.rounds(), outcome.pinnedByPublished().size(), inPublished,
                (System.nanoTime() - start) / 1_000_000, new Release.Loss(occupied[1], occupiedPublished[1],
                        occupied[2], occupiedPublished[2], occupiedNoisy[1], occupiedNoisy[2]));
        return new Built(new Release(subject, year, previous == null ? 1 : previous.revision() + 1, Instant.now(),
                publishedBy, properties.k(), geometry.axes(), published, age, stayDays, audit, noisy, noise), geometry);
    }

    /**
     * The noisy layer: the workload's tables measured and post-processed ({@link NoisyLayer}), unless the year's
     * latest release already measured these very counts (publishing again unchanged measures nothing new and costs
     * nothing).
     */
    private Release.Noise noisyLayer(ReleaseAxes axes, TableGeometry geometry, Set<Cell> withheld, Release previous,
            java.util.Random noiseSource, String countsAndPattern, Map<String, Release.Noisy> noisy) {
        DisclosureProperties.Noise config = properties.noise();
        // the exact counts and what the exact layer publishes: the same again measures nothing new
        String measuredCounts = countsAndPattern + "|" + config.sigma() + "|" + config.tables();
        if (previous != null && previous.noise() != null
                && digest(previous.noise().salt(), measuredCounts).equals(previous.noise().digest())) {
            noisy.putAll(previous.noisy());
            return previous.noise();
        }
        long start = System.nanoTime();
        List<NoisyLayer.Table> tables = workload(axes, config.tables());
        java.util.Random random = noiseSource != null ? noiseSource
                : config.seed() != null ? new java.util.Random(config.seed()) : new java.security.SecureRandom();
        dk.cmm.stats.disclosure.noise.DiscreteGaussian gaussian = new dk.cmm.stats.disclosure.noise.DiscreteGaussian(
                config.sigma(), random);
        double sigma = config.sigma().doubleValue();
        NoisyLayer.Result result = new NoisyLayer(geometry, withheld, sigma).build(tables, gaussian::sample);
        result.cells().forEach((cell, estimate) -> noisy.put(key(geometry, cell),
                new Release.Noisy(estimate.value(), estimate.margin())));
        double rho = result.measured().size() * dk.cmm.stats.disclosure.noise.PrivacyBudget.rhoPerTable(sigma);
        double before = previous == null || previous.noise() == null ? 0 : previous.noise().rhoYear();
        byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        String saltText = java.util.HexFormat.of().formatHex(salt);
        if (!result.failed().isEmpty()) {
            log.warn("The noisy tables {} of this release found no whole-number solution in time; their cells stay "
                    + "withheld", result.failed());
        }
        return new Release.Noise(sigma, rho, before + rho, result.measured(), result.failed(), saltText,
                digest(saltText, measuredCounts), (System.nanoTime() - start) / 1_000_000);
    }

    /** The workload's withheld cells that the published cells pin to one count (ordered, for a stable release). */
    private static Set<Cell> pinned(TableGeometry geometry, Set<Cell> withheld, List<NoisyLayer.Table> workload) {
        Set<Cell> candidates = new NoisyLayer(geometry, withheld, 1).candidates(workload);
        if (candidates.isEmpty()) {
            return Set.of();
        }
        AttackerBounds bounds = new AttackerBounds(geometry, withheld);
        Set<Cell> pinned = new LinkedHashSet<>();
        for (Cell cell : candidates) {
            if (bounds.pinned(cell)) {
                pinned.add(cell);
            }
        }
        return pinned;
    }

    private static String digest(String salt, String text) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(salt.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] hash = sha.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The workload's tables on a release's axes; a table naming no axis, or one axis twice, is refused. */
    static List<NoisyLayer.Table> workload(ReleaseAxes axes, List<String> tables) {
        List<NoisyLayer.Table> workload = new ArrayList<>();
        for (String table : tables) {
            String[] dims = table.trim().split("\\s*[:×*]\\s*");
            if (dims.length != 2) {
                throw new IllegalArgumentException("cmm.disclosure.noise.tables: '" + table
                        + "' is not DIMENSION:DIMENSION");
            }
            NoisyLayer.Level[] levels = new NoisyLayer.Level[2];
            for (int i = 0; i < 2; i++) {
                int axis = axes.axisOf(dims[i]);
                if (axis < 0) {
                    throw new IllegalArgumentException("cmm.disclosure.noise.tables: '" + dims[i]
                            + "' is no dimension of the persons' tables");
                }
                levels[i] = new NoisyLayer.Level(axis, axes.isGroupDimension(dims[i]));
            }
            if (levels[0].axis() == levels[1].axis()) {
                throw new IllegalArgumentException("cmm.disclosure.noise.tables: '" + table
                        + "' names one axis twice");
            }
            boolean swap = levels[0].axis() > levels[1].axis();
            workload.add(new NoisyLayer.Table(dims[0] + ":" + dims[1], swap ? levels[1] : levels[0],
                    swap ? levels[0] : levels[1]));
        }
        return workload;
    }

    /** A summary is shown only over at least k records that all have the value. */
    private NumericSummary summary(NumericSummary exact, int total) {
        return exact == null || total < properties.k() || exact.count() != total ? null : exact;
    }

    static String key(TableGeometry geometry, Cell cell) {
        return Release.key(geometry.axes(), cell.axisA(), cell.nodeA(), cell.axisB(), cell.nodeB());
    }

    /** The cells the earlier release published, with its counts, where today's tables have the same cell. */
    private static Map<Cell, Long> previousCells(TableGeometry geometry, Release previous) {
        Map<Cell, Long> cells = new HashMap<>();
        for (Cell cell : geometry.cells()) {
            Long value = previous.published().get(key(geometry, cell));
            if (value != null) {
                cells.put(cell, value);
            }
        }
        return cells;
    }

    /**
     * The report's tables as cells of ours: every group of each (zeros too), where the table needs at most two axes.
     * A table over three (two fixed codes and a breakdown: a year's prepared returns by nationality) is no table of
     * ours: its total is a cell of ours, and each of its counts is a lower bound, known to the attacker, of the two
     * cells of ours that hold it ({@code atLeast}). Nationality tables name leaves for every country the report
     * publishes (see {@link #axes}), so "other countries" stays what the report does not name.
     */
    private static Set<Cell> reportCells(ReleaseAxes axes, TableGeometry geometry, List<long[]> joint,
            List<ReportedCells.Table> tables, Map<Cell, Long> atLeast) {
        Set<Cell> cells = new LinkedHashSet<>();
        for (ReportedCells.Table table : tables) {
            Map<Integer, Integer> fixed = new java.util.LinkedHashMap<>();
            boolean ok = true;
            for (Map.Entry<String, String> entry : table.filter().entrySet()) {
                int a = axes.axisOf(entry.getKey());
                int node = a < 0 ? -1 : nodeOf(axes, a, entry.getKey(), entry.getValue());
                if (node < 0 || fixed.put(a, node) != null) {
                    ok = false;
                }
            }
            Map<Integer, Integer> filterCell = new java.util.LinkedHashMap<>(fixed);
            List<int[]> varying = new ArrayList<>(); // axis, then the nodes of the groupBy dimension's level
            for (String dimension : table.groupBy()) {
                int a = axes.axisOf(dimension);
                if (a < 0) {
                    ok = false;
                    break;
                }
                Axis axis = axes.axes().get(a);
                List<Integer> level = new ArrayList<>();
                Integer within = fixed.get(a);
                if (within != null) {
                    // a group filtered, its leaves grouped by (forced labour by sector): the group's leaves
                    if (axes.isGroupDimension(dimension) || axis.isLeaf(within)) {
                        ok = false;
                        break;
                    }
                    for (int leaf : axis.children(within)) {
                        level.add(leaf);
                    }
                    fixed.remove(a);
                } else {
                    for (String node : axes.isGroupDimension(dimension) ? axis.groups() : axis.leaves()) {
                        level.add(axis.indexOf(node));
                    }
                }
                int[] entry = new int[level.size() + 1];
                entry[0] = a;
                for (int i = 0; i < level.size(); i++) {
                    entry[i + 1] = level.get(i);
                }
                varying.add(entry);
            }
            if (ok && fixed.size() == 2 && varying.size() == 1) {
                threeWay(axes, joint, fixed, varying.get(0), atLeast);
                cells.add(cellOf(fixed));
                continue;
            }
            if (!ok || fixed.size() + varying.size() > 2) {
                if (ok) {
                    log.warn("A report table over {} axes is not modelled by disclosure control: {}",
                            fixed.size() + varying.size(), table);
                }
                continue;
            }
            List<int[]> combos = new ArrayList<>();
            combos.add(new int[0]);
            for (int[] entry : varying) {
                List<int[]> next = new ArrayList<>();
                for (int[] combo : combos) {
                    for (int i = 1; i < entry.length; i++) {
                        int[] more = java.util.Arrays.copyOf(combo, combo.length + 2);
                        more[combo.length] = entry[0];
                        more[combo.length + 1] = entry[i];
                        next.add(more);
                    }
                }
                combos = next;
            }
            for (int[] combo : combos) {
                List<int[]> nodes = new ArrayList<>();
                fixed.forEach((a, node) -> nodes.add(new int[] { a, node }));
                for (int i = 0; i < combo.length; i += 2) {
                    nodes.add(new int[] { combo[i], combo[i + 1] });
                }
                cells.add(switch (nodes.size()) {
                    case 0 -> Cell.TOTAL;
                    case 1 -> Cell.of(nodes.get(0)[0], nodes.get(0)[1]);
                    default -> Cell.of(nodes.get(0)[0], nodes.get(0)[1], nodes.get(1)[0], nodes.get(1)[1]);
                });
            }
            // the table's total is the filter's cell
            if (filterCell.size() <= 2) {
                cells.add(filterCell.isEmpty() ? Cell.TOTAL : filterCell.size() == 1
                        ? Cell.of(filterCell.keySet().iterator().next(), filterCell.values().iterator().next())
                        : cellOf(filterCell));
            }
        }
        return cells;
    }

    /**
     * The counts of a table over two fixed nodes and a breakdown, as lower bounds of the cells of ours that hold
     * them: the fixed node of either axis with each node of the breakdown.
     */
    private static void threeWay(ReleaseAxes axes, List<long[]> joint, Map<Integer, Integer> fixed, int[] varying,
            Map<Cell, Long> atLeast) {
        List<Map.Entry<Integer, Integer>> both = new ArrayList<>(fixed.entrySet());
        int c = varying[0];
        for (int i = 1; i < varying.length; i++) {
            int node = varying[i];
            long count = 0;
            for (long[] row : joint) {
                if (under(axes, both.get(0).getKey(), (int) row[both.get(0).getKey()], both.get(0).getValue())
                        && under(axes, both.get(1).getKey(), (int) row[both.get(1).getKey()], both.get(1).getValue())
                        && under(axes, c, (int) row[c], node)) {
                    count += row[row.length - 1];
                }
            }
            if (count > 0) {
                for (Map.Entry<Integer, Integer> f : both) {
                    atLeast.merge(Cell.of(f.getKey(), f.getValue(), c, node), count, Math::max);
                }
            }
        }
    }

    /** Whether a leaf of an axis is the node or under it. */
    private static boolean under(ReleaseAxes axes, int a, int leaf, int node) {
        Axis axis = axes.axes().get(a);
        for (int n = leaf; n >= 0; n = axis.parent(n)) {
            if (n == node) {
                return true;
            }
        }
        return false;
    }

    private static Cell cellOf(Map<Integer, Integer> fixed) {
        List<Map.Entry<Integer, Integer>> entries = new ArrayList<>(fixed.entrySet());
        return Cell.of(entries.get(0).getKey(), entries.get(0).getValue(), entries.get(1).getKey(),
                entries.get(1).getValue());
    }

    /** The node of a dimension's code on its axis: a group, or the only leaf with that code; -1 if none. */
    static int nodeOf(ReleaseAxes axes, int a, String dimension, String code) {
        Axis axis = axes.axes().get(a);
        if (axes.isGroupDimension(dimension)) {
            return axis.indexOf(code);
        }
        int found = -1;
        for (String leaf : axis.leaves()) {
            if (Axis.codeOf(leaf).equals(code)) {
                if (found >= 0) {
                    return -1;
                }
                found = axis.indexOf(leaf);
            }
        }
        return found;
    }
}
