package dk.cmm.stats.stats;

import java.util.List;

import dk.cmm.stats.codebook.CallReason;
import dk.cmm.stats.codebook.CallerType;

/**
 * Which hotline calls to count; null or empty lists mean any. {@code yearFrom}/{@code yearTo} bound the year
 * (inclusive) and combine with {@code years} by AND. How each field matches is in {@link FilterField#HOTLINE}.
 */
public record HotlineFilter(List<Integer> years, List<CallerType> callerType, List<CallReason> reason,
        Integer yearFrom, Integer yearTo) {

    public static final HotlineFilter ALL = new HotlineFilter(null, null, null);

    /** The filter without a year range. */
    public HotlineFilter(List<Integer> years, List<CallerType> callerType, List<CallReason> reason) {
        this(years, callerType, reason, null, null);
    }

    public static HotlineFilter year(int year) {
        return new HotlineFilter(List.of(year), null, null);
    }
}
