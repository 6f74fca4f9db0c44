package dk.cmm.stats.graphql;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import dk.cmm.stats.security.Audiences;
import dk.cmm.stats.stats.HotlineDimension;
import dk.cmm.stats.stats.HotlineFilter;
import dk.cmm.stats.stats.Order;
import dk.cmm.stats.disclosure.PublicStatistics;
import dk.cmm.stats.stats.StatsAnswer;

/** Breakdowns of the hotline's calls. */
@Controller
class HotlineStatsController {

    private final PublicStatistics statistics;

    HotlineStatsController(PublicStatistics statistics) {
        this.statistics = statistics;
    }

    @QueryMapping
    StatsAnswer hotlineStats(@Argument HotlineFilter filter, @Argument List<HotlineDimension> groupBy,
            @Argument Boolean includeEmpty, @Argument Order orderBy) {
        return statistics.hotlineStats(Audiences.current(), filter, groupBy == null ? List.of() : groupBy,
                Boolean.TRUE.equals(includeEmpty), orderBy == null ? Order.COUNT : orderBy);
    }
}
