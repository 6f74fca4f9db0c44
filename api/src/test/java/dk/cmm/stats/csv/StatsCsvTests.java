package dk.cmm.stats.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.StaffTokens;
import dk.cmm.stats.RawHttp;

/**
 * The analysts' CSV endpoints (called with an analyst's token, so the numbers are exact) give the same breakdowns as the GraphQL API (parsed and compared cell by cell), in
 * UTF-8 with labels in the language asked for, and answer bad parameters with HTTP 400 and a reason.
 */
@ApiTest
class StatsCsvTests {

    @LocalServerPort
    int port;

    @Autowired
    HttpGraphQlTester graphQl;

    @BeforeEach
    void callAsAnalyst() {
        graphQl = StaffTokens.as(graphQl, StaffTokens.ANALYST);
    }

    HttpResponse<String> get(String path) {
        return new RawHttp(port).get(path, "Authorization", StaffTokens.bearer(StaffTokens.ANALYST));
    }

    static List<CSVRecord> parse(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(response.body())).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldGiveTheSameCrossTabAsPersonStatsWithEnglishLabels() {
        HttpResponse<String> response = get("/api/stats/persons.csv?groupBy=GENDER,EXPLOITATION"
                + "&assessmentYears=2012&lang=en&includeEmpty=true");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).contains("attachment", "persons.csv"));
        assertThat(response.body().lines().findFirst()).hasValue(
                "GENDER,GENDER_LABEL,EXPLOITATION,EXPLOITATION_LABEL,count,share");
        List<CSVRecord> rows = parse(response);

        List<Map<String, Object>> groups = graphQl.documentName("personBreakdown")
                .variable("filter", Map.of("assessmentYears", List.of(2012)))
                .variable("groupBy", List.of("GENDER", "EXPLOITATION")).variable("includeEmpty", true)
                .variable("lang", "EN").execute().path("personStats.groups").entityList(mapType()).get();
        assertThat(rows).hasSize(groups.size()).hasSize(3 * 5);
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            Map<String, Object> group = groups.get(i);
            List<?> key = (List<?>) group.get("key");
            assertThat(row.get("GENDER")).isEqualTo(((Map<?, ?>) key.get(0)).get("code"));
            assertThat(row.get("GENDER_LABEL")).isEqualTo(((Map<?, ?>) key.get(0)).get("label"));
            assertThat(row.get("EXPLOITATION")).isEqualTo(((Map<?, ?>) key.get(1)).get("code"));
            assertThat(row.get("EXPLOITATION_LABEL")).isEqualTo(((Map<?, ?>) key.get(1)).get("label"));
            assertThat(Integer.parseInt(row.get("count"))).isEqualTo(group.get("count"));
            assertThat(Double.parseDouble(row.get("share"))).isEqualTo(((Number) group.get("share")).doubleValue());
        }
        assertThat(rows.get(0).values()).startsWith("FEMALE", "Women", "PROSTITUTION");
        assertThat(rows.get(0).get("count")).isEqualTo("45");
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Class<Map<String, Object>> mapType() {
        return (Class) Map.class;
    }

    @Test
    void shouldFilterByEveryParameterLikeTheApi() {
        List<CSVRecord> sectors = parse(get("/api/stats/persons.csv?groupBy=LABOUR_SECTOR&assessmentYears=2012"
                + "&exploitation=FORCED_LABOUR"));
        assertThat(sectors).extracting(r -> r.get("LABOUR_SECTOR") + "=" + r.get("count")).containsExactly(
                "CLEANING=7", "DOMESTIC_WORK=4", "MASSAGE_CLINIC=2", "RESTAURANT=2", "CANNABIS_PRODUCTION=1",
                "CONSTRUCTION=1");
        List<CSVRecord> men = parse(get("/api/stats/persons.csv?assessmentYears=2012&exploitation=forced_labour"
                + "&gender=MALE&gender=OTHER&ageMin=18&ageMax=99&nationality=RO,NG,TH,SK,PH,UA,BG,LT,CN,VN"));
        assertThat(men).hasSize(1);
        int viaGraphQl = graphQl.documentName("personTotalFiltered").variable("filter", Map.of(
                "assessmentYears", List.of(2012), "exploitation", List.of("FORCED_LABOUR"), "gender",
                List.of("MALE", "OTHER"), "ageMin", 18, "ageMax", 99, "nationality",
                List.of("RO", "NG", "TH", "SK", "PH", "UA", "BG", "LT", "CN", "VN")))
                .execute().path("personStats.total").entity(Integer.class).get();
        assertThat(men.get(0).get("count")).isEqualTo(String.valueOf(viaGraphQl));
        assertThat(parse(get("/api/stats/persons.csv?status=PREPARED_RETURN_IOM&outcomeYears=2012"))
                .get(0).get("count")).isEqualTo("13");
    }

    /** Issue 25.4: a series' file lists its years in the order the table builder shows them, when asked so. */
    @Test
    void shouldListASeriesInYearOrderWithOrderByKeyAndByCountByDefault() {
        String series = "/api/stats/persons.csv?groupBy=ASSESSMENT_YEAR&assessmentYears=2007,2008,2011,2012,2016,2023";
        List<String> byKey = parse(get(series + "&orderBy=KEY")).stream().map(r -> r.get("ASSESSMENT_YEAR")).toList();
        assertThat(byKey).containsExactly("2007", "2008", "2011", "2012", "2016", "2023");
        List<String> byCount = parse(get(series)).stream().map(r -> r.get("ASSESSMENT_YEAR")).toList();
        assertThat(byCount).as("a ranking by default, as GraphQL's orderBy").startsWith("2016", "2023");
        assertThat(new RawHttp(port).get(series + "&orderBy=KEY").statusCode()).as("anonymous too").isEqualTo(200);
        assertThat(get(series + "&orderBy=YEAR").statusCode()).isEqualTo(400);
    }

    /** One set of query rules: the CSV normalises a filter as GraphQL does (issue 22: it refused nationality=ng). */
    @Test
    void shouldNormaliseTheFilterAsGraphQlDoes() {
        HttpResponse<String> lower = get("/api/stats/persons.csv?assessmentYears=2012&nationality=ng,%20ro");
        assertThat(lower.statusCode()).as(lower.body()).isEqualTo(200);
        assertThat(lower.body()).isEqualTo(get("/api/stats/persons.csv?assessmentYears=2012&nationality=NG,RO")
                .body());
        int viaGraphQl = graphQl.documentName("personTotalFiltered").variable("filter", Map.of(
                "assessmentYears", List.of(2012), "nationality", List.of("ng", "ro")))
                .execute().path("personStats.total").entity(Integer.class).get();
        assertThat(viaGraphQl).isPositive();
        assertThat(parse(lower).get(0).get("count")).isEqualTo(String.valueOf(viaGraphQl));
        HttpResponse<String> farYear = get("/api/stats/hotline.csv?years=2012,99999");
        assertThat(farYear.statusCode()).isEqualTo(400);
        assertThat(farYear.body()).contains("Year 99999 in filter.years is outside 1990-");
    }

    @Test
    void shouldWriteTheTotalAsOneRowWithoutGroupBy() {
        HttpResponse<String> response = get("/api/stats/persons.csv?assessmentYears=2012");
        assertThat(response.body()).isEqualTo("count,share\r\n66,1.0\r\n");
    }

    @Test
    void shouldWriteDanishLabelsInUtf8ByDefault() {
        List<CSVRecord> rows = parse(get("/api/stats/persons.csv?groupBy=GENDER,REGION&assessmentYears=2012"));
        assertThat(rows).extracting(r -> r.get("GENDER_LABEL")).contains("Kvinder", "Mænd");
        assertThat(rows).extracting(r -> r.get("REGION_LABEL")).contains("Mellemøsten", "Europa");
        List<CSVRecord> older = parse(get("/api/stats/persons.csv?groupBy=GENDER&assessmentYears=2007"));
        assertThat(older.get(0).values()).containsExactly("UNKNOWN", "Ikke oplyst", "17", "1.0");
    }

    @Test
    void shouldGiveTheHotlineBreakdown() {
        List<CSVRecord> rows = parse(get("/api/stats/hotline.csv?years=2012&callerType=POLICE&groupBy=REASON"
                + "&lang=EN"));
        assertThat(rows).extracting(r -> r.get("REASON") + "=" + r.get("count")).containsExactly(
                "PERSON_IN_CUSTODY=55", "CASE_FOLLOW_UP=34", "UPCOMING_OPERATION=22");
        assertThat(parse(get("/api/stats/hotline.csv?years=2012")).get(0).get("count")).isEqualTo("182");
    }

    @Test
    void shouldGiveTheOutreachMetricsPerProgramme() {
        List<CSVRecord> rows = parse(get("/api/stats/outreach.csv?years=2012&groupBy=PROGRAMME&lang=en"));
        assertThat(rows).hasSize(6);
        CSVRecord mos = rows.stream().filter(r -> r.get("PROGRAMME").equals("MEETING_PLACE_VESTERBRO"))
                .findFirst().orElseThrow();
        assertThat(mos.get("PROGRAMME_LABEL")).isEqualTo("Meeting place and health clinic, Vesterbro");
        assertThat(mos.get("contacts")).isEqualTo("2907");
        assertThat(mos.get("assessedTrafficked")).isEqualTo("4");
        CSVRecord copenhagen = rows.stream().filter(r -> r.get("PROGRAMME").equals("STREET_COPENHAGEN"))
                .findFirst().orElseThrow();
        assertThat(copenhagen.get("uniquePersons")).as("null as an empty cell").isEmpty();
        assertThat(copenhagen.get("observed")).isEqualTo("674");
    }

    @Test
    void shouldAnswerBadParametersWith400AndAReason() {
        Map<String, String> cases = Map.of(
                "/api/stats/persons.csv?exploitation=SLAVERY", "Unknown value 'SLAVERY' for exploitation",
                "/api/stats/persons.csv?exploitaton=FORCED_LABOUR", "Unknown parameter exploitaton",
                "/api/stats/persons.csv?nationality=XX", "Unknown nationality code 'XX'",
                "/api/stats/persons.csv?ageMin=40&ageMax=20", "ageMin (40) is greater than ageMax (20)",
                "/api/stats/persons.csv?ageMin=thirty", "Parameter ageMin takes whole numbers",
                "/api/stats/persons.csv?groupBy=GENDER,REGION,STATUS,EXPLOITATION,AGE_GROUP", "at most 4",
                "/api/stats/persons.csv?includeEmpty=maybe", "Parameter includeEmpty takes true or false",
                "/api/stats/persons.csv?lang=fr", "Unknown value 'fr' for lang",
                "/api/stats/hotline.csv?groupBy=GENDER", "Unknown value 'GENDER' for groupBy",
                "/api/stats/outreach.csv?includeEmpty=true", "Unknown parameter includeEmpty");
        cases.forEach((path, reason) -> {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("text/plain;charset=UTF-8");
            assertThat(response.body()).as(path).contains(reason).doesNotContain("Exception", "\tat ");
        });
    }
}
