package dk.cmm.stats.stats;

import org.springframework.stereotype.Service;

/**
 * How many of the persons a filter selects had a return supported by the centre at the level of an IOM prepared
 * return ({@code returnSupportEquivalentToIom}), a flag that is no grouping dimension of {@link StatsService}. The
 * pipeline is {@link Pipelines#personCountWithFlag} on the same {@code $match}, and the answer goes through the
 * service's result cache like every other statistic.
 */
@Service
public class ReturnSupportStats {

    private final StatsService stats;

    public ReturnSupportStats(StatsService stats) {
        this.stats = stats;
    }

    /** Persons matching the filter whose return support was equivalent to an IOM prepared return. */
    public int equivalentToIom(PersonFilter filter) {
        return stats.returnSupportEquivalentToIom(filter);
    }
}
