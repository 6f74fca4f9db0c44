package dk.cmm.stats.stats;

import java.util.List;

/**
 * The answers of a batch of person questions ({@link StatsService#personBatch}), in the order they were asked.
 *
 * @param breakdowns                   one answer per breakdown, as {@link StatsService#personStats(PersonFilter,
 *                                     List, boolean)} gives it
 * @param returnSupportEquivalentToIom one count per filter, as {@link StatsService#returnSupportEquivalentToIom}
 *                                     gives it
 */
public record PersonAnswers(List<Stats> breakdowns, List<Integer> returnSupportEquivalentToIom) {

    public PersonAnswers {
        breakdowns = List.copyOf(breakdowns);
        returnSupportEquivalentToIom = List.copyOf(returnSupportEquivalentToIom);
    }
}
