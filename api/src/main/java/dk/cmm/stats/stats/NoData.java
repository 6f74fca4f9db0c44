package dk.cmm.stats.stats;

/**
 * A group that was asked for but that the data cannot answer: not a zero, an unknown number. Today this is a year
 * the filter names (in its list or its range) while the collection holds no record of that year at all, e.g. 2009,
 * 2010, 2013 and 2014, for which no published total was found.
 *
 * @param key    the key of the year dimension, e.g. {@code ASSESSMENT_YEAR 2009}
 * @param reason why there is no number
 */
public record NoData(GroupKey key, Reason reason) {

    /** Why a group has no number. */
    public enum Reason {
        /** The collection holds no record of this year: the number is unknown, not zero. */
        NO_RECORDS_FOR_YEAR
    }
}
