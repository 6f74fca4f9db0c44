package dk.cmm.stats.stats;

import java.util.List;

import dk.cmm.stats.codebook.CallReason;
import dk.cmm.stats.codebook.CallerType;

/** Which hotline calls to count; null or empty lists mean any. */
public record HotlineFilter(List<Integer> years, List<CallerType> callerType, List<CallReason> reason) {

    public static final HotlineFilter ALL = new HotlineFilter(null, null, null);

    public static HotlineFilter year(int year) {
        return new HotlineFilter(List.of(year), null, null);
    }
}
