package dk.cmm.stats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.RawHttp;
import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.report.ReportExporter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14: a caller without a token still gets every number the report publishes, unchanged. Every table of the
 * exported reports' {@code report-tables.json} (figures and the numbers the pages state in words) that the public
 * limits allow is asked from the CSV endpoint without a token, and each of its counts must be there, exact.
 */
@ApiTest
class ReportNumbersInPublicAnswersTests {

    @LocalServerPort
    int port;

    @Autowired
    ReportExporter exporter;

    @Test
    void shouldGiveThePublicEveryNumberOfTheReportsUnchanged(@TempDir Path dir) throws IOException {
        RawHttp http = new RawHttp(port);
        int asked = 0;
        int counts = 0;
        List<String> refused = new ArrayList<>();
        for (int year : List.of(2011, 2012)) {
            exporter.export(dir, year, Set.of(Lang.EN));
            JsonNode tables = JsonMapper.builder().build()
                    .readTree(Files.readString(dir.resolve(year + "/data/report-tables.json")));
            for (JsonNode table : tables.get("tables")) {
                String path = "/api/stats/" + table.get("subject").asString() + ".csv?" + parameters(table);
                HttpResponse<String> answer = http.get(path);
                if (answer.statusCode() == 403) {
                    refused.add(path);
                    continue; // beyond the public limits (three dimensions): nothing to compare
                }
                assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
                asked++;
                Map<String, String> published = counts(answer.body(), table);
                if (table.get("groupBy").isEmpty()) {
                    assertThat(published.get("")).as(year + " report, " + path + ", total")
                            .isEqualTo(table.get("total").asString());
                    counts++;
                }
                for (JsonNode group : table.get("groups")) {
                    String key = key(group.get("key"));
                    assertThat(published.get(key)).as(year + " report, " + path + ", group " + key)
                            .isEqualTo(group.get("count").asString());
                    counts++;
                }
            }
        }
        System.out.println("report numbers in public answers: " + counts + " counts of " + asked
                + " tables; beyond the limits: " + refused);
        assertThat(asked).as("report tables asked").isGreaterThan(40);
        assertThat(refused).as("report tables the public may not ask (three dimensions only)")
                .allSatisfy(path -> assertThat(path).contains("outcomeYears"));
    }

    /** The table's filter and groupBy as CSV query parameters. */
    private static String parameters(JsonNode table) {
        List<String> parameters = new ArrayList<>();
        table.get("filter").properties().forEach(entry -> {
            List<String> codes = new ArrayList<>();
            entry.getValue().forEach(code -> codes.add(code.asString()));
            parameters.add(parameter(entry.getKey(), table.get("subject").asString()) + "="
                    + URLEncoder.encode(String.join(",", codes), StandardCharsets.UTF_8));
        });
        List<String> groupBy = new ArrayList<>();
        table.get("groupBy").forEach(d -> groupBy.add(d.asString()));
        if (!groupBy.isEmpty()) {
            parameters.add("groupBy=" + String.join(",", groupBy));
        }
        return String.join("&", parameters);
    }

    /** ASSESSMENT_YEAR → assessmentYears, OUTCOME_YEAR → outcomeYears, a hotline's YEAR → years, STATUS → status. */
    private static String parameter(String dimension, String subject) {
        if (dimension.equals("YEAR") || dimension.endsWith("_YEAR")) {
            String prefix = dimension.equals("YEAR") ? "" : dimension.substring(0, dimension.length() - 5);
            return camel(prefix.isEmpty() ? "YEARS" : prefix + "_YEARS");
        }
        return camel(dimension);
    }

    private static String camel(String dimension) {
        StringBuilder name = new StringBuilder();
        for (String part : dimension.toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return name.toString();
    }

    /** The CSV answer's counts by key (codes joined by "|"); "total" for the whole. */
    private static Map<String, String> counts(String csv, JsonNode table) throws IOException {
        List<String> dimensions = new ArrayList<>();
        table.get("groupBy").forEach(d -> dimensions.add(d.asString()));
        Map<String, String> counts = new HashMap<>();
        for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            List<String> key = new ArrayList<>();
            for (String dimension : dimensions) {
                key.add(record.get(dimension));
            }
            counts.put(String.join("|", key), record.get("count"));
        }
        return counts;
    }

    private static String key(JsonNode key) {
        List<String> codes = new ArrayList<>();
        key.forEach(code -> codes.add(code.asString()));
        return String.join("|", codes);
    }
}
