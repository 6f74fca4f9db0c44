package dk.cmm.stats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dk.cmm.stats.codebook.CallerType;
import dk.cmm.stats.codebook.Exploitation;
import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.codebook.Status;
import dk.cmm.stats.stats.Group;
import dk.cmm.stats.stats.GroupKey;
import dk.cmm.stats.stats.HotlineDimension;
import dk.cmm.stats.stats.HotlineFilter;
import dk.cmm.stats.stats.PersonDimension;
import dk.cmm.stats.stats.PersonFilter;
import dk.cmm.stats.stats.Stats;
import dk.cmm.stats.stats.StatsService;

/**
 * Each figure's CSV holds exactly what the statistics service (and so the API) answers to the figure's question:
 * the report and the API cannot disagree. Absent attributes are "not available", never zero.
 */
@SpringBootTest(properties = "cmm.data-dir=target/test-data/${random.uuid}")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCsvTests {

    @Autowired
    ReportExporter exporter;

    @Autowired
    StatsService stats;

    Path out;

    ExportedSite site;

    private final PersonFilter y2012 = PersonFilter.builder().assessmentYears(2012).build();

    @BeforeAll
    void export(@TempDir Path folder) {
        out = folder;
        exporter.export(out, 2012, Set.of(Lang.DA));
        site = new ExportedSite(out, 2012);
    }

    @Test
    void shouldMatchThePersonBreakdownsOfTheService() throws IOException {
        assertMatches("03", persons(y2012, PersonDimension.CONTACT_CHANNEL));
        assertMatches("04", persons(y2012, PersonDimension.REGION));
        assertMatches("05", persons(y2012, PersonDimension.NATIONALITY));
        assertMatches("06", persons(y2012, PersonDimension.EXPLOITATION));
        assertMatches("07", persons(y2012.toBuilder().exploitation(Exploitation.FORCED_LABOUR).build(),
                PersonDimension.LABOUR_SECTOR));
        assertMatches("08", persons(y2012, PersonDimension.EXPLOITATION, PersonDimension.GENDER));
        assertMatches("09", persons(y2012, PersonDimension.AGE_GROUP));
        assertMatches("10", persons(y2012, PersonDimension.STATUS));
        assertMatches("11", persons(PersonFilter.builder().status(Status.PREPARED_RETURN_IOM).outcomeYears(2012)
                .build(), PersonDimension.NATIONALITY));
        assertMatches("12", persons(y2012.toBuilder().status(Status.ASSISTED_RETURN_CMM).build(),
                PersonDimension.NATIONALITY));
        assertMatches("13", persons(y2012.toBuilder().status(Status.DECLINED_OR_LEFT).build(),
                PersonDimension.NATIONALITY));
    }

    @Test
    void shouldMatchTheHotlineBreakdownsOfTheService() throws IOException {
        assertMatches("14", stats.hotlineStats(HotlineFilter.year(2012), List.of(HotlineDimension.CALLER_TYPE), false));
        assertMatches("14-2", stats.hotlineStats(new HotlineFilter(List.of(2012), List.of(CallerType.POLICE), null),
                List.of(HotlineDimension.REASON), false));
    }

    @Test
    void shouldMatchTheYearlySeriesAndLeaveUnknownYearsEmpty() throws IOException {
        PersonFilter years = PersonFilter.builder().assessmentYears(2007, 2008, 2009, 2010, 2011, 2012).build();
        Stats yearly = persons(years, PersonDimension.ASSESSMENT_YEAR);
        Map<String, String> csv = values("01");
        assertThat(csv.keySet()).containsExactly("2007", "2008", "2009", "2010", "2011", "2012");
        for (Map.Entry<String, String> row : csv.entrySet()) {
            int count = yearly.count(row.getKey());
            assertThat(row.getValue()).as(row.getKey()).isEqualTo(count == 0 ? "" : Integer.toString(count));
        }
        assertThat(csv.get("2009")).isEmpty();

        Stats byAuthority = persons(years, PersonDimension.ASSESSMENT_YEAR, PersonDimension.ASSESSED_BY);
        Map<String, String> split = values("02");
        assertThat(split.get("2012|IMMIGRATION_SERVICE")).isEqualTo(
                Integer.toString(byAuthority.group("2012", "IMMIGRATION_SERVICE").orElseThrow().count()));
        assertThat(split.get("2012|CMM")).isEqualTo(
                Integer.toString(byAuthority.group("2012", "CMM").orElseThrow().count()));
        assertThat(byAuthority.group("2011", "UNKNOWN").orElseThrow().count()).isEqualTo(60);
        assertThat(split.keySet()).as("figure 2 and its file start at the first year whose split is recorded")
                .allMatch(k -> k.startsWith("2012|"));
    }

    @Test
    void shouldCarryCodesAndBothLanguagesLabels() throws IOException {
        List<CSVRecord> records = read("05");
        assertThat(records.get(0).toList()).containsExactly("nationality", "nationality_da", "nationality_en",
                "count");
        assertThat(records.get(1).toList()).containsExactly("NG", "Nigeria", "Nigeria", "22");
        assertThat(records.get(2).toList()).containsExactly("RO", "Rumænien", "Romania", "10");
        assertThat(read("08").get(0).toList()).containsExactly("exploitation", "exploitation_da",
                "exploitation_en", "gender", "gender_da", "gender_en", "count");
    }

    @Test
    void shouldWriteTheOutreachProgrammes() throws IOException {
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(site.file("data/outreach-programmes.csv"))).getRecords();
        Map<String, CSVRecord> byCode = new TreeMap<>();
        records.forEach(r -> byCode.put(r.get("programme"), r));
        assertThat(byCode).hasSize(6);
        assertThat(byCode.get("STREET_COPENHAGEN").get("observed")).isEqualTo("674");
        assertThat(byCode.get("STREET_COPENHAGEN").get("unique_persons")).as("anonymous work").isEmpty();
        assertThat(byCode.get("MEETING_PLACE_VESTERBRO").get("contacts")).isEqualTo("2907");
        assertThat(byCode.get("MOBILE_HEALTH").get("assessed_trafficked")).isEqualTo("2");
    }

    private Stats persons(PersonFilter filter, PersonDimension... groupBy) {
        return stats.personStats(filter, List.of(groupBy), false);
    }

    /** The CSV's non-zero rows equal the service's groups; its zero rows are codes the service has no group for. */
    private void assertMatches(String figure, Stats answer) throws IOException {
        Map<String, String> csv = values(figure);
        Map<String, String> service = new LinkedHashMap<>();
        for (Group g : answer.groups()) {
            service.put(key(g.key()), Integer.toString(g.count()));
        }
        Map<String, String> nonZero = new LinkedHashMap<>(csv);
        nonZero.values().removeIf("0"::equals);
        assertThat(nonZero).as("figure " + figure).isEqualTo(service);
        csv.forEach((key, value) -> {
            if (value.equals("0")) {
                assertThat(service).as("figure " + figure).doesNotContainKey(key);
            }
        });
        int sum = csv.values().stream().mapToInt(Integer::parseInt).sum();
        assertThat(sum).as("figure " + figure + " total").isEqualTo(answer.total());
    }

    private static String key(List<GroupKey> key) {
        return String.join("|", key.stream().map(GroupKey::code).toList());
    }

    /** key codes joined with | → count, in file order. */
    private Map<String, String> values(String figure) throws IOException {
        List<CSVRecord> records = read(figure);
        int dimensions = (records.get(0).size() - 1) / 3;
        Map<String, String> values = new LinkedHashMap<>();
        for (CSVRecord r : records.subList(1, records.size())) {
            StringBuilder key = new StringBuilder();
            for (int d = 0; d < dimensions; d++) {
                key.append(d == 0 ? "" : "|").append(r.get(3 * d));
            }
            values.put(key.toString(), r.get(r.size() - 1));
        }
        return values;
    }

    private List<CSVRecord> read(String figure) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(site.file("data/figure-" + figure + ".csv"))).getRecords();
    }
}
