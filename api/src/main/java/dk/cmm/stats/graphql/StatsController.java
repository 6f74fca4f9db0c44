package dk.cmm.stats.graphql;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import dk.cmm.stats.stats.PersonDimension;
import dk.cmm.stats.stats.PersonFilter;
import dk.cmm.stats.stats.Stats;
import dk.cmm.stats.stats.StatsService;

/** The person breakdowns and the years with data; each delegates to the one statistics service. */
@Controller
class StatsController {

    private final StatsService stats;

    StatsController(StatsService stats) {
        this.stats = stats;
    }

    @QueryMapping
    Stats personStats(@Argument PersonFilter filter, @Argument List<PersonDimension> groupBy,
            @Argument Boolean includeEmpty) {
        return stats.personStats(filter, groupBy == null ? List.of() : groupBy, Boolean.TRUE.equals(includeEmpty));
    }

    @QueryMapping
    List<Integer> years() {
        return stats.years();
    }
}
