package dk.cmm.stats.stats;

import java.util.List;

/**
 * How many records have one combination of stored values: one code per field asked for (UNKNOWN where absent,
 * whole numbers without a decimal point), and the count.
 */
public record CellCount(List<String> values, long count) {
}
