package dk.cmm.stats.graphql;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import dk.cmm.stats.security.Audiences;
import dk.cmm.stats.disclosure.PublicStatistics;
import dk.cmm.stats.stats.StatsAnswer;
import dk.cmm.stats.stats.Order;
import dk.cmm.stats.stats.PersonDimension;
import dk.cmm.stats.stats.PersonFilter;
import dk.cmm.stats.stats.StatsService;

/** The person breakdowns and the years with data, through disclosure control's one boundary. */
@Controller
class StatsController {

    private final PublicStatistics statistics;
    private final StatsService stats;

    StatsController(PublicStatistics statistics, StatsService stats) {
        this.statistics = statistics;
        this.stats = stats;
    }

    @QueryMapping
    StatsAnswer personStats(@Argument PersonFilter filter, @Argument List<PersonDimension> groupBy,
            @Argument Boolean includeEmpty, @Argument Order orderBy) {
        return statistics.personStats(Audiences.current(), filter, groupBy == null ? List.of() : groupBy,
                Boolean.TRUE.equals(includeEmpty), orderBy == null ? Order.COUNT : orderBy);
    }

    @QueryMapping
    List<Integer> years() {
        return stats.years();
    }
}
