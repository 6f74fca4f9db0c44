package dk.cmm.stats.report;

import java.util.List;

import org.springframework.stereotype.Component;

import dk.cmm.stats.stats.PersonDimension;
import dk.cmm.stats.stats.PersonFilter;
import dk.cmm.stats.stats.Stats;
import dk.cmm.stats.stats.StatsService;

/**
 * Asks {@link StatsService} many person breakdowns at once: every question of the years being exported, in one call.
 *
 * <p><b>Temporary adapter.</b> {@code StatsService.personStats(List<PersonQuery>)}, which answers a batch in one
 * pipeline pass, is being added to {@code stats}; until it is there, {@link #ask} asks the questions one by one.
 * Switching is the one line marked below.
 */
@Component
class PersonBatch {

    /** One person breakdown, as {@code StatsService.PersonQuery} will hold it. */
    record PersonQuery(PersonFilter filter, List<PersonDimension> groupBy, boolean includeEmpty) {
    }

    private final StatsService stats;

    PersonBatch(StatsService stats) {
        this.stats = stats;
    }

    /** The answers, in the order of the questions. */
    List<Stats> ask(List<PersonQuery> queries) {
        // SWITCH to the batch (one pipeline pass) by replacing the line below with:
        // return stats.personStats(queries.stream().map(q -> new StatsService.PersonQuery(q.filter(), q.groupBy(), q.includeEmpty())).toList());
        return queries.stream().map(q -> stats.personStats(q.filter(), q.groupBy(), q.includeEmpty())).toList();
    }
}
