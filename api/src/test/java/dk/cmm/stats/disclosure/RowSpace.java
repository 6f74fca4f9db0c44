package dk.cmm.stats.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Exact linear algebra over the integers modulo a large prime: which linear combinations of unknown cells a set of
 * published equations determines. An attacker who knows the published numbers and every "parent = sum of children"
 * relation can compute a combination of suppressed cells exactly if and only if its vector lies in the row space of
 * the equations restricted to the unknowns. Working modulo 2^31−1 keeps every step exact (the coefficients are
 * small integers); a false "determined" is impossible and a missed one has probability below 10^-9 per check.
 */
final class RowSpace {

    static final long P = 2_147_483_647L;

    private final int columns;
    private final List<long[]> rows = new ArrayList<>();
    private final List<Integer> pivots = new ArrayList<>();

    /** Reduces the equations (each a map from unknown column to coefficient) to echelon form. */
    public RowSpace(int columns, List<Map<Integer, Integer>> equations) {
        this.columns = columns;
        List<long[]> work = new ArrayList<>();
        for (Map<Integer, Integer> equation : equations) {
            long[] row = new long[columns];
            boolean any = false;
            for (Map.Entry<Integer, Integer> term : equation.entrySet()) {
                row[term.getKey()] = mod(row[term.getKey()] + term.getValue());
                any |= row[term.getKey()] != 0;
            }
            if (any) {
                work.add(row);
            }
        }
        int rank = 0;
        for (int col = 0; col < columns && rank < work.size(); col++) {
            int pivot = -1;
            for (int r = rank; r < work.size(); r++) {
                if (work.get(r)[col] != 0) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            long[] row = work.get(pivot);
            work.set(pivot, work.get(rank));
            work.set(rank, row);
            long inverse = inverse(row[col]);
            for (int c = col; c < columns; c++) {
                row[c] = row[c] * inverse % P;
            }
            for (int r = rank + 1; r < work.size(); r++) {
                long[] other = work.get(r);
                long factor = other[col];
                if (factor != 0) {
                    for (int c = col; c < columns; c++) {
                        if (row[c] != 0) {
                            other[c] = mod(other[c] - factor * row[c] % P);
                        }
                    }
                }
            }
            rows.add(row);
            pivots.add(col);
            rank++;
        }
    }

    /** Whether the combination (column → coefficient) of the unknowns is computable from the equations. */
    public boolean determines(Map<Integer, Integer> combination) {
        long[] v = new long[columns];
        for (Map.Entry<Integer, Integer> term : combination.entrySet()) {
            v[term.getKey()] = mod(v[term.getKey()] + term.getValue());
        }
        for (int i = 0; i < rows.size(); i++) {
            int col = pivots.get(i);
            long factor = v[col];
            if (factor != 0) {
                long[] row = rows.get(i);
                for (int c = col; c < columns; c++) {
                    if (row[c] != 0) {
                        v[c] = mod(v[c] - factor * row[c] % P);
                    }
                }
            }
        }
        for (long x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    public int rank() {
        return rows.size();
    }

    private static long mod(long x) {
        long m = x % P;
        return m < 0 ? m + P : m;
    }

    private static long inverse(long a) {
        long result = 1;
        long base = a;
        long e = P - 2;
        while (e > 0) {
            if ((e & 1) == 1) {
                result = result * base % P;
            }
            base = base * base % P;
            e >>= 1;
        }
        return result;
    }
}
