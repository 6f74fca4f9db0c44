package dk.cmm.stats.stats;

/** One value of one dimension in a group's key; {@code UNKNOWN} where the attribute is not recorded. */
public record GroupKey(String dimension, String code) {
}
