package dk.cmm.stats.stats;

import java.util.List;

/** One cell of a breakdown: its key (a value per groupBy dimension), its count and its share of the total. */
public record Group(List<GroupKey> key, int count, double share) {

    /** The code of the key's only (or first) dimension. */
    public String code() {
        return key.get(0).code();
    }
}
