package dk.cmm.stats.disclosure;

import java.util.List;

/**
 * A table cannot be protected by withholding its own cells: the margins that smaller tables publish determine one
 * of its small counts. The smaller table must withhold the named cell as well, and the family be protected again.
 */
public class MarginLeakException extends RuntimeException {

    private final List<String> axisNames;
    private final List<String> nodes;

    MarginLeakException(List<String> axisNames, List<String> nodes, String detail) {
        super("withhold " + nodes + " of the table over " + axisNames + ": " + detail);
        this.axisNames = List.copyOf(axisNames);
        this.nodes = List.copyOf(nodes);
    }

    /** The axes of the smaller table that must withhold the cell. */
    public List<String> axisNames() {
        return axisNames;
    }

    /** The cell, one node per axis of that table. */
    public List<String> nodes() {
        return nodes;
    }
}
