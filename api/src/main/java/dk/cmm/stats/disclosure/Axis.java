package dk.cmm.stats.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One dimension of a protected table as a tree of nodes: the total ({@link #ROOT}), optionally groups (regions over
 * nationalities), and the leaves (the codes). Every parent node equals the sum of its children, which is what an
 * attacker can exploit and what secondary suppression protects.
 */
public final class Axis {

    /** The node of the whole axis (the margin). */
    public static final String ROOT = "*";

    private final String name;
    private final List<String> nodes = new ArrayList<>();
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final int[] parent;
    private final int[][] children;
    private final int groupCount;

    /** From (group, leaf) pairs; the group is ROOT on a flat axis. */
    private Axis(String name, List<List<String>> pairs, boolean grouped) {
        this.name = name;
        Set<String> groups = new LinkedHashSet<>();
        if (grouped) {
            pairs.forEach(pair -> groups.add(pair.get(0)));
        }
        nodes.add(ROOT);
        nodes.addAll(groups);
        groupCount = groups.size();
        for (List<String> pair : pairs) {
            nodes.add(grouped ? leafId(pair.get(0), pair.get(1)) : pair.get(1));
        }
        for (int i = 0; i < nodes.size(); i++) {
            if (index.put(nodes.get(i), i) != null) {
                throw new IllegalArgumentException("axis " + name + " names node " + nodes.get(i) + " twice");
            }
        }
        parent = new int[nodes.size()];
        parent[0] = -1;
        List<List<Integer>> kids = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            kids.add(new ArrayList<>());
        }
        for (int i = 1; i < nodes.size(); i++) {
            int p = isLeaf(i) && grouped ? index.get(groupOf(nodes.get(i))) : 0;
            if (grouped && isLeaf(i) && p > groupCount) {
                throw new IllegalStateException("leaf " + nodes.get(i) + " names no group of axis " + name);
            }
            parent[i] = p;
            kids.get(p).add(i);
        }
        children = kids.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    /** An axis whose codes are leaves directly under the total. */
    public static Axis flat(String name, List<String> codes) {
        return new Axis(name, codes.stream().map(code -> List.of(ROOT, code)).toList(), false);
    }

    /** An axis of leaves in groups (leaf code → group code); leaf node ids are {@code group/leaf}. */
    public static Axis grouped(String name, Map<String, String> groupOfLeaf) {
        List<List<String>> pairs = new ArrayList<>();
        groupOfLeaf.forEach((leaf, group) -> pairs.add(List.of(group, leaf)));
        return new Axis(name, pairs, true);
    }

    /**
     * An axis of (group, leaf) pairs, in the order given (grouped by group); a code may be a leaf of several groups,
     * such as UNKNOWN sector under each exploitation.
     */
    public static Axis groupedPairs(String name, List<List<String>> pairs) {
        List<List<String>> ordered = new ArrayList<>(pairs);
        List<String> groupOrder = new ArrayList<>(new LinkedHashSet<>(pairs.stream().map(p -> p.get(0)).toList()));
        ordered.sort(java.util.Comparator.comparingInt(p -> groupOrder.indexOf(p.get(0))));
        return new Axis(name, ordered, true);
    }

    /** The node id of a leaf of a grouped axis. */
    public static String leafId(String group, String leaf) {
        return group + "/" + leaf;
    }

    /** The group of a leaf node id of a grouped axis. */
    public static String groupOf(String leafId) {
        return leafId.substring(0, leafId.indexOf('/'));
    }

    /** The code of a leaf node id (the part after the group on a grouped axis). */
    public static String codeOf(String nodeId) {
        int slash = nodeId.indexOf('/');
        return slash < 0 ? nodeId : nodeId.substring(slash + 1);
    }

    public String name() {
        return name;
    }

    public boolean grouped() {
        return groupCount > 0;
    }

    public int size() {
        return nodes.size();
    }

    public String node(int i) {
        return nodes.get(i);
    }

    /** The node's index, or -1 when the axis has no such node. */
    public int indexOf(String node) {
        return index.getOrDefault(node, -1);
    }

    public boolean isLeaf(int i) {
        return i > groupCount;
    }

    public int[] children(int i) {
        return children[i];
    }

    public boolean hasChildren(int i) {
        return children[i].length > 0;
    }

    public int parent(int i) {
        return parent[i];
    }

    /** The leaf node ids, in axis order. */
    public List<String> leaves() {
        return nodes.subList(groupCount + 1, nodes.size());
    }

    /** The group node ids (empty on a flat axis). */
    public List<String> groups() {
        return nodes.subList(1, groupCount + 1);
    }

    /** Same nodes in the same order: tables over equal axes can be compared cell by cell. */
    boolean sameNodes(Axis other) {
        return nodes.equals(other.nodes);
    }

    @Override
    public String toString() {
        return name + nodes;
    }
}
