package dk.cmm.stats.csv;

import dk.cmm.stats.disclosure.PublicStatistics;
import dk.cmm.stats.disclosure.PublicStatistics.Audience;
import dk.cmm.stats.security.Audiences;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dk.cmm.stats.codebook.Accommodation;
import dk.cmm.stats.codebook.AssessedBy;
import dk.cmm.stats.codebook.CallReason;
import dk.cmm.stats.codebook.CallerType;
import dk.cmm.stats.codebook.ContactChannel;
import dk.cmm.stats.codebook.Exploitation;
import dk.cmm.stats.codebook.Gender;
import dk.cmm.stats.codebook.LabourSector;
import dk.cmm.stats.codebook.ProgrammeKind;
import dk.cmm.stats.codebook.Region;
import dk.cmm.stats.codebook.Status;
import dk.cmm.stats.stats.FilterField;
import dk.cmm.stats.stats.HotlineDimension;
import dk.cmm.stats.stats.HotlineFilter;
import dk.cmm.stats.stats.OutreachDimension;
import dk.cmm.stats.stats.OutreachFilter;
import dk.cmm.stats.stats.Order;
import dk.cmm.stats.stats.PersonDimension;
import dk.cmm.stats.stats.PersonFilter;
import dk.cmm.stats.stats.QueryRules;

/**
 * The analysts' CSV companion of the GraphQL breakdowns: the same statistics service answers both, so their numbers
 * cannot differ. Every filter field of {@link FilterField}'s table is a query parameter of the same name (lists
 * comma-separated), under the same {@link QueryRules} as GraphQL, plus {@code groupBy},
 * {@code includeEmpty} and {@code lang}. Bad parameters are answered with HTTP 400 and a plain-text reason ({@link CsvErrors}).
 */
@RestController
@RequestMapping("/api/stats")
class StatsCsvController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    /** The parameters of each endpoint: groupBy, includeEmpty and orderBy (breakdowns), lang, and the filter fields. */
    static final List<String> PERSON_PARAMETERS = parameters(List.of("groupBy", "includeEmpty", "orderBy", "lang"),
            FilterField.PERSON);
    static final List<String> HOTLINE_PARAMETERS = parameters(List.of("groupBy", "includeEmpty", "orderBy", "lang"),
            FilterField.HOTLINE);
    static final List<String> OUTREACH_PARAMETERS = parameters(List.of("groupBy", "lang"), FilterField.OUTREACH);

    private final PublicStatistics statistics;
    private final StatsCsv csv;

    StatsCsvController(PublicStatistics statistics, StatsCsv csv) {
        this.statistics = statistics;
        this.csv = csv;
    }

    @GetMapping("/persons.csv")
    ResponseEntity<String> persons(@RequestParam MultiValueMap<String, String> parameters) {
        CsvParameters p = new CsvParameters(parameters, PERSON_PARAMETERS);
        PersonFilter filter = personFilter(p);
        List<PersonDimension> groupBy = groupBy(p, PersonDimension.class);
        Audience audience = Audiences.current();
        return csvFile("persons", csv.breakdown(statistics.personStats(audience, filter, groupBy,
                p.flag("includeEmpty"), order(p)), groupBy, p.lang(), audience == Audience.PUBLIC));
    }

    @GetMapping("/hotline.csv")
    ResponseEntity<String> hotline(@RequestParam MultiValueMap<String, String> parameters) {
        CsvParameters p = new CsvParameters(parameters, HOTLINE_PARAMETERS);
        HotlineFilter filter = hotlineFilter(p);
        List<HotlineDimension> groupBy = groupBy(p, HotlineDimension.class);
        Audience audience = Audiences.current();
        return csvFile("hotline", csv.breakdown(statistics.hotlineStats(audience, filter, groupBy,
                p.flag("includeEmpty"), order(p)), groupBy, p.lang(), audience == Audience.PUBLIC));
    }

    @GetMapping("/outreach.csv")
    ResponseEntity<String> outreach(@RequestParam MultiValueMap<String, String> parameters) {
        CsvParameters p = new CsvParameters(parameters, OUTREACH_PARAMETERS);
        OutreachFilter filter = outreachFilter(p);
        List<OutreachDimension> groupBy = groupBy(p, OutreachDimension.class);
        Audience audience = Audiences.current();
        return csvFile("outreach", csv.outreach(statistics.outreachStats(audience, filter, groupBy), groupBy,
                p.lang(), audience == Audience.PUBLIC));
    }

    private static <F> List<String> parameters(List<String> own, List<FilterField<F>> table) {
        List<String> names = new ArrayList<>(own);
        table.forEach(field -> names.add(field.parameter()));
        return List.copyOf(names);
    }

    /**
     * The filters of the parameters (shared with the JSON-stat endpoints, so both take the same parameters), with
     * the query rules' normalising applied as GraphQL applies it ({@link QueryRules}): {@code nationality=ng} is NG.
     */
    static PersonFilter personFilter(CsvParameters p) {
        return QueryRules.normalised(new PersonFilter(p.integers("assessmentYears"),
                p.codes("assessedBy", AssessedBy.class), p.codes("contactChannel", ContactChannel.class),
                p.strings("contactProgramme"), p.strings("nationality"), p.codes("region", Region.class),
                p.codes("gender", Gender.class), p.integer("ageMin"), p.integer("ageMax"),
                p.codes("exploitation", Exploitation.class), p.codes("labourSector", LabourSector.class),
                p.codes("status", Status.class), p.integers("outcomeYears"),
                p.codes("accommodation", Accommodation.class), p.integer("yearFrom"), p.integer("yearTo")));
    }

    static HotlineFilter hotlineFilter(CsvParameters p) {
        return QueryRules.normalised(new HotlineFilter(p.integers("years"), p.codes("callerType", CallerType.class),
                p.codes("reason", CallReason.class), p.integer("yearFrom"), p.integer("yearTo")));
    }

    static OutreachFilter outreachFilter(CsvParameters p) {
        return QueryRules.normalised(new OutreachFilter(p.integers("years"), p.strings("programme"),
                p.codes("programmeKind", ProgrammeKind.class), p.strings("city"), p.integer("yearFrom"),
                p.integer("yearTo")));
    }

    /**
     * The order of the rows, as GraphQL's {@code orderBy}: COUNT (the default, a ranking) or KEY (years ascending,
     * codes in the codebook's order), so that a series' file lists its years in the order a table or chart shows them.
     * JSON-stat takes the parameter too and ignores it: its cube is always in key order.
     */
    static Order order(CsvParameters p) {
        List<Order> order = p.codes("orderBy", Order.class);
        if (order == null || order.isEmpty()) {
            return Order.COUNT;
        }
        if (order.size() > 1) {
            throw new BadCsvRequestException("Parameter orderBy takes one order, COUNT or KEY");
        }
        return order.get(0);
    }

    static <D extends Enum<D>> List<D> groupBy(CsvParameters p, Class<D> type) {
        List<D> groupBy = p.codes("groupBy", type);
        return groupBy == null ? List.of() : groupBy;
    }

    private static ResponseEntity<String> csvFile(String name, String body) {
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name + ".csv").build().toString())
                .body(body);
    }
}
