package dk.cmm.stats.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A subject's published releases read as cells, for the public answers: which codes a dimension shows, and the
 * count of a selection (dimension → codes) over some years, exact, noisy or withheld. A selection is answered only
 * where every year's release determines it ({@link Release#estimate}), and summed over the years by
 * {@link CountSum}.
 */
final class ReleaseCells {

    private final Map<Integer, Release> published;

    /** @param published the latest release of each published year, by year */
    ReleaseCells(Map<Integer, Release> published) {
        this.published = published;
    }

    boolean isPublished(int year) {
        return published.containsKey(year);
    }

    Release release(int year) {
        return published.get(year);
    }

    Set<Integer> years() {
        return published.keySet();
    }

    /**
     * The codes a dimension shows over the years that the filter allows: the union over the years (a country
     * published one by one in one year may be "other" in another), so that {@code includeEmpty} adds no zero the
     * filter excluded.
     */
    Set<String> codes(List<Integer> years, String dimension, Map<String, Set<String>> filter) {
        Set<String> codes = new LinkedHashSet<>();
        years.forEach(y -> codes.addAll(allowedCodes(published.get(y), dimension, filter)));
        return codes;
    }

    /**
     * The sum over the years of the records matching the selection, if every year's release determines it: exact,
     * or noisy where any year's count is; empty (withheld) otherwise.
     */
    Optional<Release.Count> count(List<Integer> years, Map<String, Set<String>> selection) {
        CountSum sum = new CountSum();
        for (int year : years) {
            Release release = published.get(year);
            Map<Integer, Set<Integer>> leaves = leaves(release, selection);
            Optional<Release.Count> count = leaves == null ? Optional.empty() : release.estimate(leaves);
            if (count.isEmpty()) {
                return Optional.empty();
            }
            sum.add(count.get());
        }
        return Optional.of(sum.count());
    }

    /** The codes a dimension shows in a release: its axis's groups, or its leaves' codes. */
    static List<String> codesOf(Release release, String dimension) {
        Located located = locate(release, dimension);
        Axis axis = release.axes().get(located.axis());
        Set<String> codes = new LinkedHashSet<>();
        for (String node : located.group() ? axis.groups() : axis.leaves()) {
            codes.add(Axis.codeOf(node));
        }
        return List.copyOf(codes);
    }

    /** Where a dimension sits in a release: its axis, and whether it names the axis's groups (else its leaves). */
    record Located(int axis, boolean group) {
    }

    /**
     * The codes a dimension shows in a release that the filter allows: those of the leaves that every filter on
     * the same axis keeps (a region filter keeps its countries; a country filter keeps its region).
     */
    static List<String> allowedCodes(Release release, String dimension, Map<String, Set<String>> filter) {
        Set<String> named = filter.get(dimension);
        if (named != null) {
            // the filter's own codes: one the release counts in a larger group (a country under "other") is
            // listed too, and answered as withheld
            Set<String> codes = new LinkedHashSet<>(codesOf(release, dimension));
            codes.retainAll(named);
            named.stream().sorted().forEach(codes::add);
            return List.copyOf(codes);
        }
        Located located = locate(release, dimension);
        Axis axis = release.axes().get(located.axis());
        Set<String> codes = new LinkedHashSet<>();
        if (located.group()) {
            codes.addAll(axis.groups().stream().map(Axis::codeOf).toList());
        }
        List<String> kept = new ArrayList<>();
        for (String leaf : axis.leaves()) {
            boolean allowed = true;
            for (Map.Entry<String, Set<String>> entry : filter.entrySet()) {
                int other = release.axisIndex(entry.getKey());
                String leaves = QuestionFields.leafDimensionOf(entry.getKey());
                boolean groupFilter = other < 0 && leaves != null && release.axisIndex(leaves) == located.axis();
                if (other == located.axis() && located.group()) {
                    allowed &= entry.getValue().contains(Axis.codeOf(leaf));
                } else if (groupFilter && !located.group()) {
                    allowed &= entry.getValue().contains(Axis.groupOf(leaf));
                }
            }
            if (allowed) {
                kept.add(leaf);
            }
        }
        if (located.group()) {
            Set<String> groups = new HashSet<>();
            kept.forEach(leaf -> groups.add(Axis.groupOf(leaf)));
            codes.retainAll(groups);
            return List.copyOf(codes);
        }
        kept.forEach(leaf -> codes.add(Axis.codeOf(leaf)));
        return List.copyOf(codes);
    }

    /** The axis of a dimension in a release: the axis named after it, or the one whose groups it names. */
    static Located locate(Release release, String dimension) {
        int axis = release.axisIndex(dimension);
        if (axis >= 0) {
            return new Located(axis, false);
        }
        String leaves = QuestionFields.leafDimensionOf(dimension);
        axis = leaves == null ? -1 : release.axisIndex(leaves);
        if (axis < 0) {
            throw new IllegalArgumentException(dimension + " has no axis in the " + release.subject() + " release");
        }
        return new Located(axis, true);
    }

    /**
     * Per axis, the leaf nodes a selection keeps (dimension → codes; two dimensions of one axis intersect); null
     * where a code is counted in a larger leaf of the release (a country not published one by one), so that its
     * count is withheld, never 0.
     */
    static Map<Integer, Set<Integer>> leaves(Release release, Map<String, Set<String>> selection) {
        Map<Integer, Set<Integer>> byAxis = new HashMap<>();
        for (Map.Entry<String, Set<String>> entry : selection.entrySet()) {
            Located located = locate(release, entry.getKey());
            Set<String> present = new HashSet<>(codesOf(release, entry.getKey()));
            if (!located.group() && !present.containsAll(entry.getValue())) {
                return null;
            }
        }
        selection.forEach((dimension, codes) -> {
            Located located = locate(release, dimension);
            Axis axis = release.axes().get(located.axis());
            Set<Integer> leaves = new LinkedHashSet<>();
            for (String leaf : axis.leaves()) {
                String code = located.group() ? Axis.groupOf(leaf) : Axis.codeOf(leaf);
                if (codes.contains(code)) {
                    leaves.add(axis.indexOf(leaf));
                }
            }
            byAxis.merge(located.axis(), leaves, ReleaseCells::intersect);
        });
        return byAxis;
    }

    static <T> Set<T> intersect(Set<T> a, Set<T> b) {
        Set<T> both = new LinkedHashSet<>(a);
        both.retainAll(b);
        return both;
    }
}
