package dk.cmm.stats.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly numbers do not depend on the JVM's time zone: the application runs in a child JVM in
 * {@code Europe/Copenhagen} and again in {@code UTC}, imports persons assessed on the first and last days of
 * months, and must give the same monthly outreach and hotline numbers, those the records say, with every date
 * stored as UTC midnight. On the embedded server here; {@code MongoContainerMonthlyNumbersTests} runs the same on
 * a real MongoDB, where {@code $month} of a stored date is taken in UTC.
 */
class MonthlyNumbersTimeZoneTests {

    /** Persons met by outreach programmes, assessed on days where local midnight and UTC midnight differ in month. */
    static final List<String> DATES = List.of("2012-01-01", "2012-03-01", "2012-03-31", "2012-07-01", "2012-10-31",
            "2012-12-31");

    @TempDir
    Path dir;

    @Test
    void shouldGiveTheSameMonthlyNumbersInCopenhagenAndInUtc() throws Exception {
        List<String> copenhagen = run("Europe/Copenhagen", "--cmm.data-dir=" + dir.resolve("cph"));
        List<String> utc = run("UTC", "--cmm.data-dir=" + dir.resolve("utc"));
        check(copenhagen, utc);
    }

    void check(List<String> copenhagen, List<String> utc) throws IOException {
        assertThat(copenhagen).isEqualTo(utc);
        Map<Integer, Integer> expected = bundledAssessedByMonth();
        for (String date : DATES) {
            expected.merge(Integer.parseInt(date.substring(5, 7)), 1, Integer::sum);
        }
        Map<Integer, Integer> assessed = new TreeMap<>();
        Pattern row = Pattern.compile("outreach (\\d+) activities \\d+ assessed (\\d+)");
        for (String line : copenhagen) {
            Matcher m = row.matcher(line);
            if (m.matches()) {
                assessed.put(Integer.valueOf(m.group(1)), Integer.valueOf(m.group(2)));
            }
        }
        assertThat(assessed).hasSize(12);
        assessed.values().removeIf(n -> n == 0);
        assertThat(assessed).isEqualTo(expected);
        assertThat(copenhagen.stream().filter(l -> l.startsWith("hotline ")).count()).isEqualTo(12);
        List<String> stored = copenhagen.stream().filter(l -> l.startsWith("stored ")).toList();
        assertThat(stored).hasSize(DATES.size());
        for (int i = 0; i < DATES.size(); i++) {
            String date = DATES.get(i);
            assertThat(stored.get(i)).isEqualTo("stored 2012-TZ" + i + " " + date + "T00:00:00Z month "
                    + Integer.parseInt(date.substring(5, 7)) + " reads " + date);
        }
    }

    /** Assessed persons with an outreach programme per month of 2012, straight from the bundled file. */
    static Map<Integer, Integer> bundledAssessedByMonth() throws IOException {
        Map<Integer, Integer> months = new TreeMap<>();
        Pattern date = Pattern.compile("\"assessmentDate\":\"2012-(\\d\\d)-\\d\\d\"");
        try (var in = MonthlyNumbersTimeZoneTests.class.getResourceAsStream("/bundled-data/persons.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Matcher m = date.matcher(line);
                if (line.contains("\"contactProgramme\"") && m.find()) {
                    months.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
                }
            }
        }
        return months;
    }

    /** Runs the child JVM in a zone and returns its {@code OUT|} lines. */
    List<String> run(String zone, String... springArgs) throws Exception {
        Path persons = dir.resolve("persons-" + zone.replace('/', '-') + ".jsonl");
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < DATES.size(); i++) {
            file.append("{\"caseRef\":\"2012-TZ").append(i).append("\",\"assessmentYear\":2012,\"assessmentDate\":\"")
                    .append(DATES.get(i)).append("\",\"contactChannel\":\"OUTREACH\",")
                    .append("\"contactProgramme\":\"STREET_ODENSE\"}\n");
        }
        Files.writeString(persons, file);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.timezone=" + zone,
                "-cp", System.getProperty("java.class.path"), MonthlyNumbersChild.class.getName(),
                persons.toString()));
        command.addAll(List.of(springArgs));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> out = new ArrayList<>();
        StringBuilder log = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("OUT|")) {
                    out.add(line.substring(4));
                } else {
                    log.append(line).append('\n');
                }
            }
            assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(child.exitValue()).as("child in %s:\n%s%s", zone, log, out).isZero();
        } finally {
            child.destroyForcibly();
        }
        return out;
    }
}
