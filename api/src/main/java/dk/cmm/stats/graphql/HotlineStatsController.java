package dk.cmm.stats.graphql;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import dk.cmm.stats.stats.HotlineDimension;
import dk.cmm.stats.stats.HotlineFilter;
import dk.cmm.stats.stats.Stats;
import dk.cmm.stats.stats.StatsService;

/** Breakdowns of the hotline's calls. */
@Controller
class HotlineStatsController {

    private final StatsService stats;

    HotlineStatsController(StatsService stats) {
        this.stats = stats;
    }

    @QueryMapping
    Stats hotlineStats(@Argument HotlineFilter filter, @Argument List<HotlineDimension> groupBy,
            @Argument Boolean includeEmpty) {
        return stats.hotlineStats(filter, groupBy == null ? List.of() : groupBy, Boolean.TRUE.equals(includeEmpty));
    }
}
