package dk.cmm.stats.csv;

import dk.cmm.stats.stats.AnswerGroup;
import dk.cmm.stats.disclosure.PublicStatistics;
import dk.cmm.stats.disclosure.PublicStatistics.Audience;
import dk.cmm.stats.stats.StatsAnswer;
import dk.cmm.stats.security.Audiences;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import tools.jackson.databind.node.ObjectNode;

import dk.cmm.stats.stats.GroupKey;
import dk.cmm.stats.stats.HotlineDimension;
import dk.cmm.stats.stats.HotlineFilter;
import dk.cmm.stats.stats.OutreachDimension;
import dk.cmm.stats.stats.OutreachFilter;
import dk.cmm.stats.stats.PersonDimension;
import dk.cmm.stats.stats.PersonFilter;

/**
 * The CSV endpoints' tables as JSON-stat 2.0 ({@code /api/stats/persons.json}, {@code hotline.json},
 * {@code outreach.json}): the same parameters, the same boundary ({@link PublicStatistics}, which decides by the
 * caller's token what it may see), so the numbers cannot differ from the CSV or GraphQL. JSON-stat has no registered
 * media type; like Eurostat and PxWeb it is served as {@code application/json}. Bad parameters are answered with 400,
 * refusals with 403, both as a JSON-stat {@code error} body ({@link CsvErrors}).
 */
@RestController
@RequestMapping("/api/stats")
class StatsJsonStatController {

    private final PublicStatistics statistics;
    private final JsonStatWriter writer;

    StatsJsonStatController(PublicStatistics statistics, JsonStatWriter writer) {
        this.statistics = statistics;
        this.writer = writer;
    }

    @GetMapping("/persons.json")
    ResponseEntity<ObjectNode> persons(@RequestParam MultiValueMap<String, String> parameters) {
        CsvParameters p = new CsvParameters(parameters, StatsCsvController.PERSON_PARAMETERS);
        PersonFilter filter = StatsCsvController.personFilter(p);
        List<PersonDimension> groupBy = StatsCsvController.groupBy(p, PersonDimension.class);
        boolean includeEmpty = p.flag("includeEmpty");
        Audience audience = Audiences.current();
        StatsAnswer answer = statistics.personStats(audience, filter, groupBy, includeEmpty);
        List<GroupKey> noData = List.of();
        if (audience == Audience.STAFF && groupBy.size() > 1 && groupBy.contains(PersonDimension.ASSESSMENT_YEAR)) {
            noData = noData(statistics.personStats(audience, filter, List.of(PersonDimension.ASSESSMENT_YEAR),
                    includeEmpty));
        }
        return dataset(writer.breakdown(context("persons", p, audience, filter.assessmentYears()), answer, groupBy,
                noData));
    }

    @GetMapping("/hotline.json")
    ResponseEntity<ObjectNode> hotline(@RequestParam MultiValueMap<String, String> parameters) {
        CsvParameters p = new CsvParameters(parameters, StatsCsvController.HOTLINE_PARAMETERS);
        HotlineFilter filter = StatsCsvController.hotlineFilter(p);
        List<HotlineDimension> groupBy = StatsCsvController.groupBy(p, HotlineDimension.class);
        boolean includeEmpty = p.flag("includeEmpty");
        Audience audience = Audiences.current();
        StatsAnswer answer = statistics.hotlineStats(audience, filter, groupBy, includeEmpty);
        List<GroupKey> noData = List.of();
        if (audience == Audience.STAFF && groupBy.size() > 1 && groupBy.contains(HotlineDimension.YEAR)) {
            noData = noData(statistics.hotlineStats(audience, filter, List.of(HotlineDimension.YEAR), includeEmpty));
        }
        return dataset(writer.breakdown(context("hotline", p, audience, filter.years()), answer, groupBy, noData));
    }

    @GetMapping("/outreach.json")
    ResponseEntity<ObjectNode> outreach(@RequestParam MultiValueMap<String, String> parameters) {
        CsvParameters p = new CsvParameters(parameters, StatsCsvController.OUTREACH_PARAMETERS);
        OutreachFilter filter = StatsCsvController.outreachFilter(p);
        List<OutreachDimension> groupBy = StatsCsvController.groupBy(p, OutreachDimension.class);
        Audience audience = Audiences.current();
        return dataset(writer.outreach(context("outreach", p, audience, filter.years()),
                statistics.outreachStats(audience, filter, groupBy), groupBy));
    }

    /**
     * The years a one-way year question has no data for: a cross-tab with the year lists no group for them, and
     * they must not vanish from a series the caller asked for.
     */
    private static List<GroupKey> noData(StatsAnswer oneWay) {
        return oneWay.groups().stream().filter(g -> AnswerGroup.NO_DATA.equals(g.reason()))
                .map(g -> g.key().get(0)).toList();
    }

    private static JsonStatWriter.Context context(String subject, CsvParameters p, Audience audience,
            List<Integer> filterYears) {
        String href = ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString();
        String csv = ServletUriComponentsBuilder.fromCurrentRequest().replacePath("/api/stats/" + subject + ".csv")
                .build().toUriString();
        String method = ServletUriComponentsBuilder.fromCurrentContextPath().path("/explore").build().toUriString();
        return new JsonStatWriter.Context(subject, p.lang(), audience, href, csv, method, filterYears);
    }

    private static ResponseEntity<ObjectNode> dataset(ObjectNode body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header("X-Content-Type-Options", "nosniff").body(body);
    }
}
