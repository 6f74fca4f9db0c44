package dk.cmm.stats.disclosure;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.GraphQlErrors;
import dk.cmm.stats.RawHttp;

/**
 * What a caller without a token is refused, and what they get: small counts withheld (null, suppressed: true) in
 * GraphQL and CSV, totals kept where they reveal nothing, summaries only over at least k records.
 */
@ApiTest
class AnonymousLimitsTests {

    static final Map<String, Object> Y2012 = Map.of("assessmentYears", List.of(2012));

    @Autowired
    HttpGraphQlTester graphQl;

    @LocalServerPort
    int port;

    /** The first anonymous question may wait for the protected tables to be built on a busy machine. */
    @org.junit.jupiter.api.BeforeEach
    void allowForBuildingTheTables() {
        graphQl = graphQl.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
    }

    GraphQlTesterResponse breakdown(Map<String, Object> filter, String... groupBy) {
        return new GraphQlTesterResponse(graphQl.documentName("protectedBreakdown").variable("filter", filter)
                .variable("groupBy", List.of(groupBy)).execute());
    }

    record GraphQlTesterResponse(org.springframework.graphql.test.tester.GraphQlTester.Response response) {
        List<Map<String, Object>> groups() {
            return response.path("personStats.groups").entityList(mapType()).get();
        }

        Integer total() {
            return response.path("personStats.total").entity(Integer.class).get();
        }
    }

    @Test
    void shouldPublishTheReportsSectorsAndWithholdSmallCountsTheReportDoesNotPublish() {
        // the 2012 report publishes forced labour by sector, skunk production's 1 included: public by its choice
        GraphQlTesterResponse sectors = breakdown(Y2012, "LABOUR_SECTOR");
        assertThat(sectors.total()).isEqualTo(66);
        assertThat(group(sectors.groups(), "CANNABIS_PRODUCTION")).containsEntry("count", 1)
                .containsEntry("suppressed", false);
        assertThat(group(sectors.groups(), "CLEANING")).containsEntry("count", 7).containsEntry("suppressed", false);
        // the report has no table of the year's accommodation: its small counts are never exact; accommodation ×
        // gender is a noisy table, so they are published from its measurement, as estimates with a margin
        GraphQlTesterResponse stays = breakdown(Y2012, "ACCOMMODATION");
        assertThat(stays.total()).isEqualTo(66);
        assertThat(stays.groups()).anySatisfy(g -> assertThat(g).containsEntry("noisy", true)
                .hasEntrySatisfying("margin", m -> assertThat((Integer) m).isPositive()));
        for (Map<String, Object> group : stays.groups()) {
            Integer count = (Integer) group.get("count");
            assertThat(count == null || count == 0 || count >= 5 || Boolean.TRUE.equals(group.get("noisy")))
                    .as(group.toString()).isTrue();
        }
        // outcome year is in no noisy table: its small counts stay withheld
        GraphQlTesterResponse outcomes = breakdown(Y2012, "OUTCOME_YEAR");
        for (Map<String, Object> group : outcomes.groups()) {
            Integer count = (Integer) group.get("count");
            assertThat(group).containsEntry("noisy", false);
            assertThat(count == null || count == 0 || count >= 5).as(group.toString()).isTrue();
        }
    }

    @Test
    void shouldShowTheAgeSummaryOnlyOverAtLeastKRecordsThatAllHaveAnAge() {
        var response = graphQl.documentName("protectedBreakdown").variable("filter", Y2012).execute();
        response.path("personStats.age.count").entity(Integer.class).isEqualTo(66);
        response.path("personStats.age.min").entity(Double.class).isEqualTo(18.0);
        var few = graphQl.documentName("protectedBreakdown")
                .variable("filter", Map.of("assessmentYears", List.of(2012), "status", List.of("STAYED_EU_CITIZEN")))
                .execute();
        // the report publishes these 3 itself, so the API does too; a filtered summary is never shown
        few.path("personStats.total").entity(Integer.class).isEqualTo(3);
        few.path("personStats.age").valueIsNull();
        few.path("personStats.stayDays").valueIsNull();
    }

    @Test
    void shouldAnswerTheTotalOfAllYearsAndTheYearlySeries() {
        assertThat(breakdown(Map.of()).total()).isEqualTo(986);
        List<Map<String, Object>> years = breakdown(Map.of(), "ASSESSMENT_YEAR").groups();
        assertThat(group(years, "2012")).containsEntry("count", 66);
        assertThat(group(years, "2007")).containsEntry("count", 17);
    }

    @Test
    void shouldAnswerABreakdownPooledOverSeveralYearsAsTheSumOfTheYearsPublishedCells() {
        // each year's release is protected on its own; a sum of published cells reveals nothing they do not
        List<Map<String, Object>> pooled = breakdown(Map.of("assessmentYears", List.of(2011, 2012)), "GENDER")
                .groups();
        List<Map<String, Object>> y2011 = breakdown(Map.of("assessmentYears", List.of(2011)), "GENDER").groups();
        List<Map<String, Object>> y2012 = breakdown(Y2012, "GENDER").groups();
        for (Map<String, Object> group : pooled) {
            String code = codeOf(group);
            Integer a = countOf(y2011, code);
            Integer b = countOf(y2012, code);
            Integer expected = a == null || b == null ? null : a + b;
            assertThat(group.get("count")).as("pooled " + code).isEqualTo(expected);
        }
    }

    @SuppressWarnings("unchecked")
    static String codeOf(Map<String, Object> group) {
        return (String) ((List<Map<String, Object>>) group.get("key")).get(0).get("code");
    }

    static Integer countOf(List<Map<String, Object>> groups, String code) {
        Map<String, Object> group = groups.stream().filter(g -> codeOf(g).equals(code)).findFirst().orElse(null);
        return group == null ? Integer.valueOf(0) : (Integer) group.get("count");
    }

    @Test
    void shouldRefuseMoreThanTwoGroupByDimensionsWithoutAToken() {
        ResponseError error = GraphQlErrors.onlyError(graphQl.documentName("protectedBreakdown")
                .variable("filter", Y2012).variable("groupBy", List.of("GENDER", "STATUS", "ACCOMMODATION"))
                .execute(), "FORBIDDEN");
        assertThat(error.getMessage()).contains("at most 2");
        assertThat(error.getExtensions()).containsEntry("argument", "groupBy");
    }

    @Test
    void shouldRefuseMoreThanTwoDimensionsAcrossFilterAndGroupBy() {
        ResponseError error = GraphQlErrors.onlyError(graphQl.documentName("protectedBreakdown")
                .variable("filter", Map.of("assessmentYears", List.of(2012), "gender", List.of("FEMALE")))
                .variable("groupBy", List.of("STATUS", "ACCOMMODATION")).execute(), "FORBIDDEN");
        assertThat(error.getMessage()).contains("at most 2 dimensions", "API token");
    }

    @Test
    void shouldCountANestedDimensionOnceWithItsGroup() {
        breakdown(Y2012, "REGION", "NATIONALITY").response().errors().verify();
        breakdown(Map.of("assessmentYears", List.of(2012), "exploitation", List.of("FORCED_LABOUR")),
                "LABOUR_SECTOR", "GENDER").response().errors().verify();
    }

    @Test
    void shouldRefuseExactAgeFiltersWithoutAToken() {
        ResponseError error = GraphQlErrors.onlyError(graphQl.documentName("protectedBreakdown")
                .variable("filter", Map.of("assessmentYears", List.of(2012), "ageMin", 50)).execute(), "FORBIDDEN");
        assertThat(error.getMessage()).contains("AGE_GROUP");
    }

    @Test
    void shouldWithholdSmallHotlineCountsAndKeepThePoliceCalls() {
        var response = graphQl.documentName("protectedHotline").variable("filter", Map.of("years", List.of(2012)))
                .variable("groupBy", List.of("CALLER_TYPE", "REASON")).execute();
        List<Map<String, Object>> groups = response.path("hotlineStats.groups").entityList(mapType()).get();
        for (Map<String, Object> group : groups) {
            Integer count = (Integer) group.get("count");
            assertThat(count == null || count == 0 || count >= 5).as(group.toString()).isTrue();
        }
        var byCaller = graphQl.documentName("protectedHotline").variable("filter", Map.of("years", List.of(2012)))
                .variable("groupBy", List.of("CALLER_TYPE")).execute();
        byCaller.path("hotlineStats.total").entity(Integer.class).isEqualTo(182);
        assertThat(group(byCaller.path("hotlineStats.groups").entityList(mapType()).get(), "POLICE"))
                .containsEntry("count", 111);
    }

    @Test
    void shouldWithholdOutreachCountsOfFewPersons() {
        for (List<String> groupBy : List.of(List.<String>of(), List.of("PROGRAMME"), List.of("PROGRAMME_KIND"),
                List.of("CITY"), List.of("MONTH"), List.of("PROGRAMME", "MONTH"))) {
            List<Map<String, Object>> rows = graphQl.documentName("protectedOutreach")
                    .variable("filter", Map.of("years", List.of(2012))).variable("groupBy", groupBy).execute()
                    .path("outreachStats").entityList(mapType()).get();
            List<Map<String, Object>> exact = graphQl.mutate().header("Authorization", "Bearer "
                    + dk.cmm.stats.StaffTokens.ANALYST).build().documentName("protectedOutreach")
                    .variable("filter", Map.of("years", List.of(2012))).variable("groupBy", groupBy).execute()
                    .path("outreachStats").entityList(mapType()).get();
            for (Map<String, Object> row : rows) {
                for (String measure : List.of("uniquePersons", "newPersons")) {
                    Integer value = (Integer) row.get(measure);
                    assertThat(value == null || value == 0 || value >= 5).as(groupBy + " " + row).isTrue();
                    if (value == null && !measure.equals("uniquePersons")) {
                        assertThat(row.get("suppressed")).isEqualTo(true);
                    }
                }
                // victims are the person release's cells: the report's own per programme, exact or withheld
                Object victims = row.get("assessedTrafficked");
                if (victims == null) {
                    assertThat(row.get("suppressed")).as(groupBy + " " + row).isEqualTo(true);
                } else {
                    assertThat(exact.stream().filter(e -> e.get("key").equals(row.get("key"))).findFirst())
                            .as("the exact row of " + row).hasValueSatisfying(e -> assertThat(e)
                                    .containsEntry("assessedTrafficked", victims));
                }
            }
        }
        List<Map<String, Object>> byProgramme = graphQl.documentName("protectedOutreach")
                .variable("filter", Map.of("years", List.of(2012))).variable("groupBy", List.of("PROGRAMME"))
                .execute().path("outreachStats").entityList(mapType()).get();
        // the report publishes every programme's victims (outreach-programmes.csv), so the public gets them too
        assertThat(group(byProgramme, "STREET_ODENSE")).containsEntry("contacts", 193)
                .extractingByKey("assessedTrafficked").as("Odense's victims, as the report gives them").isNotNull();
        List<Map<String, Object>> byMonth = graphQl.documentName("protectedOutreach")
                .variable("filter", Map.of("years", List.of(2012))).variable("groupBy", List.of("MONTH"))
                .execute().path("outreachStats").entityList(mapType()).get();
        assertThat(byMonth).as("victims by month are withheld").isNotEmpty()
                .allSatisfy(row -> assertThat(row).containsEntry("assessedTrafficked", null));
    }

    @Test
    void shouldRefuseOutreachQuestionsThatFilterByMoreThanTheYear() {
        GraphQlErrors.onlyError(graphQl.documentName("protectedOutreach")
                .variable("filter", Map.of("years", List.of(2012), "programme", List.of("STREET_ODENSE"))).execute(),
                "FORBIDDEN");
        GraphQlErrors.onlyError(graphQl.documentName("protectedOutreach").variable("groupBy", List.of("PROGRAMME"))
                .execute(), "FORBIDDEN");
    }

    @Test
    void shouldWithholdSmallCountsInTheCsvToo() {
        HttpResponse<String> response = new RawHttp(port).get(
                "/api/stats/persons.csv?groupBy=ACCOMMODATION&assessmentYears=2012");
        assertThat(response.statusCode()).isEqualTo(200);
        List<CSVRecord> rows = parse(response.body());
        assertThat(response.body().lines().findFirst()).hasValue(
                "ACCOMMODATION,ACCOMMODATION_LABEL,count,share,suppressed,noisy,margin,reason");
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("noisy")).isEqualTo("true");
            assertThat(Integer.parseInt(r.get("margin"))).isPositive();
        });
        for (CSVRecord row : rows) {
            String count = row.get("count");
            assertThat(count.isEmpty() || Integer.parseInt(count) == 0 || Integer.parseInt(count) >= 5
                    || row.get("noisy").equals("true")).as(row.toString()).isTrue();
        }
        HttpResponse<String> refused = new RawHttp(port).get(
                "/api/stats/persons.csv?groupBy=GENDER&assessmentYears=2012&ageMin=18");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("exact age");
        HttpResponse<String> outreach = new RawHttp(port).get(
                "/api/stats/outreach.csv?years=2012&groupBy=PROGRAMME");
        assertThat(outreach.statusCode()).isEqualTo(200);
        assertThat(outreach.body().lines().findFirst().orElseThrow()).endsWith(",assessedTrafficked,suppressed");
    }

    static List<CSVRecord> parse(String body) {
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(body)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> group(List<Map<String, Object>> groups, String code) {
        return groups.stream().filter(g -> ((List<Map<String, Object>>) g.get("key")).stream()
                .anyMatch(k -> code.equals(k.get("code")))).findFirst().orElseThrow(
                        () -> new AssertionError("no group " + code + " in " + groups));
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    static Class<Map<String, Object>> mapType() {
        return (Class) Map.class;
    }
}
