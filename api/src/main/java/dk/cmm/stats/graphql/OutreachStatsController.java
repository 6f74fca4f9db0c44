package dk.cmm.stats.graphql;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import dk.cmm.stats.security.Audiences;
import dk.cmm.stats.stats.OutreachRow;
import dk.cmm.stats.stats.OutreachDimension;
import dk.cmm.stats.stats.OutreachFilter;
import dk.cmm.stats.disclosure.PublicStatistics;

/** The outreach programmes' metrics; a row's key is a list of {@code Code}s, labelled by {@link CodeController}. */
@Controller
class OutreachStatsController {

    private final PublicStatistics statistics;

    OutreachStatsController(PublicStatistics statistics) {
        this.statistics = statistics;
    }

    @QueryMapping
    List<OutreachRow> outreachStats(@Argument OutreachFilter filter, @Argument List<OutreachDimension> groupBy) {
        return statistics.outreachStats(Audiences.current(), filter, groupBy == null ? List.of() : groupBy);
    }
}
