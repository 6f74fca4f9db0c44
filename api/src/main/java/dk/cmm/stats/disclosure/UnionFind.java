package dk.cmm.stats.disclosure;

/**
 * Union-find over {@code 0 … n-1} (path halving, no ranks): which things end up in one group when pairs are joined.
 * The noisy layer joins the tables that share a linear program ({@link NoisyLayer}); the attacker's audit joins the
 * variables of one equation ({@link AttackerBounds}).
 */
final class UnionFind {

    private final int[] parent;

    UnionFind(int size) {
        parent = new int[size];
        for (int i = 0; i < size; i++) {
            parent[i] = i;
        }
    }

    /** The root of {@code i}'s group. */
    int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Joins the groups of {@code a} and {@code b}: {@code a}'s root goes under {@code b}'s. */
    void union(int a, int b) {
        parent[find(a)] = find(b);
    }

    /** The root of every element, by element. */
    int[] roots() {
        int[] roots = new int[parent.length];
        for (int i = 0; i < parent.length; i++) {
            roots[i] = find(i);
        }
        return roots;
    }
}
