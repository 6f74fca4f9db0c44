package dk.cmm.stats.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found while checking files: every one is counted, the first {@link #LIMIT} are kept for the listing
 * (a file with a wrong column can hold thousands, and the first fifty tell what to fix).
 */
public final class Problems {

    public static final int LIMIT = 50;

    private final int limit;
    private final List<RowProblem> listed = new ArrayList<>();
    private long count;

    Problems() {
        this(LIMIT);
    }

    Problems(int limit) {
        this.limit = limit;
    }

    void add(RowProblem problem) {
        count++;
        if (listed.size() < limit) {
            listed.add(problem);
        }
    }

    public boolean any() {
        return count > 0;
    }

    public long count() {
        return count;
    }

    /** The problems listed, in file order. */
    public List<RowProblem> listed() {
        return List.copyOf(listed);
    }

    /** One line per listed problem, then {@code … and N more problems} when some were left out. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(listed.stream().map(RowProblem::toString).toList());
        if (count > listed.size()) {
            long more = count - listed.size();
            lines.add("… and " + more + " more problem" + (more == 1 ? "" : "s"));
        }
        return lines;
    }
}
