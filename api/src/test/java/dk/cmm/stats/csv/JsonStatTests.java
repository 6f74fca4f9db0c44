package dk.cmm.stats.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.RawHttp;
import dk.cmm.stats.StaffTokens;

/**
 * The JSON-stat endpoints over HTTP, read as plain JSON: a null value always carries a status code that says why
 * (withheld, no data, not published), a year without data is never 0, a combination a complete answer leaves out is
 * a true 0, and bad or refused questions get a JSON error body with 400 or 403.
 */
@ApiTest
class JsonStatTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SERIES = "assessmentYears=2007,2008,2009,2010,2011,2012,2013,2014,2015,2016";

    @LocalServerPort
    int port;

    JsonNode get(String path, String... headers) {
        HttpResponse<String> response = new RawHttp(port).get(path, headers);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    JsonNode staff(String path) {
        return get(path, "Authorization", StaffTokens.bearer(StaffTokens.ANALYST));
    }

    /** The value and status of a cell given by its category codes, one per dimension in the order of {@code id}. */
    record Cell(JsonNode value, String status) {
    }

    static Cell cell(JsonNode dataset, String... codes) {
        int index = 0;
        for (int i = 0; i < codes.length; i++) {
            String dimension = dataset.get("id").get(i).asString();
            List<String> categories = new ArrayList<>();
            dataset.get("dimension").get(dimension).get("category").get("index")
                    .forEach(c -> categories.add(c.asString()));
            assertThat(categories).as(dimension).contains(codes[i]);
            index = index * dataset.get("size").get(i).asInt() + categories.indexOf(codes[i]);
        }
        JsonNode status = dataset.path("status").path(String.valueOf(index));
        return new Cell(dataset.get("value").get(index), status.isMissingNode() ? null : status.asString());
    }

    @Test
    void shouldMarkYearsWithoutDataAsNullWithAStatusAndNeverAsZero() {
        JsonNode staff = staff("/api/stats/persons.json?groupBy=ASSESSMENT_YEAR&" + SERIES);
        assertThat(cell(staff, "2009", "count")).isEqualTo(new Cell(NODES.nullNode(), "m"));
        assertThat(cell(staff, "2013", "share").status()).isEqualTo("m");
        assertThat(cell(staff, "2012", "count").value().asInt()).isPositive();
        assertThat(cell(staff, "2012", "count").status()).isNull();

        JsonNode anonymous = get("/api/stats/persons.json?groupBy=ASSESSMENT_YEAR&" + SERIES);
        assertThat(cell(anonymous, "2009", "count")).as("no records: no data, never 'not published'")
                .isEqualTo(new Cell(NODES.nullNode(), "m"));
        assertThat(cell(anonymous, "2012", "count").value().asInt()).isEqualTo(
                cell(staff, "2012", "count").value().asInt());
        assertThat(cell(anonymous, "2012", "share").status()).as("a share of the series' total, the sum of its "
                + "published years").isNull();
        assertThat(anonymous.at("/extension/total").asInt()).isEqualTo(staff.at("/extension/total").asInt());

        JsonNode crossTab = staff("/api/stats/persons.json?groupBy=ASSESSMENT_YEAR,GENDER&" + SERIES);
        for (String gender : List.of("FEMALE", "MALE")) {
            assertThat(cell(crossTab, "2010", gender, "count")).as("a year without records in a cross-tab")
                    .isEqualTo(new Cell(NODES.nullNode(), "m"));
        }
        assertThat(cell(crossTab, "2012", "FEMALE", "count").value().asInt()).isPositive();
        assertThat(crossTab.at("/extension/status/used").toString()).contains("m");
    }

    @Test
    void shouldGiveWithheldCellsAsNullWithStatusCOnlyWithoutAToken() {
        // region × outcome year is in no noisy table: its small cells stay withheld
        String path = "/api/stats/persons.json?groupBy=REGION,OUTCOME_YEAR&assessmentYears=2012&lang=en";
        JsonNode anonymous = get(path);
        Map<String, Object> graphQl = RawHttp.json(new RawHttp(port).post("/graphql", """
                {"query":"{ personStats(filter: {assessmentYears: [2012]}, groupBy: [REGION, OUTCOME_YEAR]) \
                { groups { key { code } count reason } } }"}""").body());
        String withheld = graphQl.toString();
        assertThat(withheld).contains("WITHHELD");
        assertThat(cell(anonymous, "EUROPE", "2012", "count")).isEqualTo(new Cell(NODES.nullNode(), "c"));
        assertThat(anonymous.at("/extension/audience").asString()).isEqualTo("PUBLIC");
        assertThat(anonymous.at("/extension/release/0/year").asInt()).isEqualTo(2012);

        JsonNode staff = staff(path);
        assertThat(staff.has("status")).as("nothing withheld for staff").isFalse();
        assertThat(cell(staff, "EUROPE", "2012", "count").value().isInt()).isTrue();
        assertThat(staff.at("/extension/live").asBoolean()).isTrue();
        assertThat(staff.at("/dimension/REGION/category/label/EUROPE").asString()).isEqualTo("Europe");
    }

    @Test
    void shouldGiveACombinationTheAnswerDoesNotListAsATrueZero() {
        JsonNode cube = staff("/api/stats/persons.json?groupBy=GENDER,EXPLOITATION&assessmentYears=2012&lang=da");
        // the same question as CSV, whose rows are the non-empty groups
        String csv = new RawHttp(port).get("/api/stats/persons.csv?groupBy=GENDER,EXPLOITATION&assessmentYears=2012",
                "Authorization", StaffTokens.bearer(StaffTokens.ANALYST)).body();
        assertThat(csv).doesNotContain("MALE,Mænd,MARRIAGE");
        assertThat(cell(cube, "MALE", "MARRIAGE", "count")).isEqualTo(new Cell(NODES.numberNode(0), null));
        assertThat(cell(cube, "MALE", "MARRIAGE", "share").value().asDouble()).isZero();
        assertThat(csv).contains("FEMALE,Kvinder,PROSTITUTION,Prostitution,45,");
        assertThat(cell(cube, "FEMALE", "PROSTITUTION", "count").value().asInt()).isEqualTo(45);
        assertThat(cube.at("/dimension/GENDER/category/label/FEMALE").asString()).isEqualTo("Kvinder");
        int cells = 1;
        for (JsonNode size : cube.get("size")) {
            cells *= size.asInt();
        }
        assertThat(cube.get("value").size()).as("dense").isEqualTo(cells);
    }

    @Test
    void shouldGiveTheTotalAloneWithoutGroupBy() {
        JsonNode total = get("/api/stats/hotline.json?years=2012");
        assertThat(total.get("id").toString()).isEqualTo("[\"measure\"]");
        assertThat(total.get("value").get(0).asInt()).isEqualTo(total.at("/extension/total").asInt()).isPositive();
        assertThat(total.get("value").get(1).asDouble()).isEqualTo(1.0);
        assertThat(total.get("label").asString()).isEqualTo("Opkald til hotline");
    }

    @Test
    void shouldMarkWithheldOutreachPersonCountsAndMeansThatDoNotApply() {
        // by month: the victims of a month are withheld (by programme they are the report's own numbers)
        JsonNode anonymous = get("/api/stats/outreach.json?groupBy=MONTH&years=2012&lang=en");
        List<String> statuses = new ArrayList<>();
        anonymous.get("status").forEach(s -> statuses.add(s.asString()));
        assertThat(statuses).contains("c").allMatch(s -> s.equals("c") || s.equals("z"));
        int metrics = anonymous.get("size").get(1).asInt();
        anonymous.get("status").properties().forEach(e -> {
            String metric = anonymous.at("/dimension/measure/category/index").get(Integer.parseInt(e.getKey())
                    % metrics).asString();
            if (e.getValue().asString().equals("c")) {
                assertThat(metric).isIn("uniquePersons", "newPersons", "assessedTrafficked");
            }
            assertThat(anonymous.get("value").get(Integer.parseInt(e.getKey())).isNull()).isTrue();
        });
    }

    @Test
    void shouldAnswerBadParametersWith400AndRefusalsWith403AsJson() {
        RawHttp http = new RawHttp(port);
        for (String path : List.of("/api/stats/persons.json?groupBy=SLAVERY", "/api/stats/persons.json?colour=red",
                "/api/stats/hotline.json?years=twelve", "/api/stats/persons.json?lang=fr",
                "/api/stats/persons.json?includeEmpty=maybe")) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            JsonNode error = JSON.readTree(response.body()).get("error").get(0);
            assertThat(error.get("status").asString()).isEqualTo("400");
            assertThat(error.get("label").asString()).as(path).isNotBlank().doesNotContain("Exception", "at dk.");
        }
        HttpResponse<String> refused = http.get("/api/stats/outreach.json?years=2011,2012");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).at("/error/0/label").asString()).contains("one year");
        HttpResponse<String> staff = http.get("/api/stats/outreach.json?years=2011,2012", "Authorization",
                StaffTokens.bearer(StaffTokens.ANALYST));
        assertThat(staff.statusCode()).as("staff may ask it").isEqualTo(200);
    }
}
