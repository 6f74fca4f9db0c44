package dk.cmm.stats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.StaffTokens;
import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.report.ReportExporter;

/**
 * Issue 14's attacker test: an independent program ({@code src/test/attacker/attack.py}, Python with SciPy's HiGHS
 * MILP solver) asks the running application over HTTP, without a token, every one- and two-way breakdown of 2011
 * and 2012, every breakdown filtered by each single code and by its complement, the hotline breakdowns and the
 * outreach rows; adds the exported 2011 and 2012 reports' data files (figures, key numbers and every table the pages
 * state) as exact knowledge; and computes, for every withheld number, the range an attacker can prove from all of it
 * together (whole numbers, at least 0). The guarantee: no withheld count of 1 to k-1 is recovered exactly, proven
 * to be at least 1, or proven to be below k, unless the reports alone prove as much.
 *
 * <p>It shares no code with the protection: it reads only answers and files. The analyst's token is used only to
 * grade (which withheld cells truly hold 1 to k-1, and whether each published number is the exact one). The class
 * has a context of its own, because the revision test records persons. Skipped where {@code python3} with numpy and
 * scipy (>= 1.9) is missing.
 */
@ApiTest
@TestPropertySource(properties = "cmm.test.context=attacker") // a context of its own: the revision writes
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttackerProgramTests {

    static final Path PROGRAM = Path.of("src/test/attacker/attack.py");
    static final Duration TIMEOUT = Duration.ofMinutes(20);

    @LocalServerPort
    int port;

    @Autowired
    ReportExporter exporter;

    @Autowired
    Publication publication;

    @Autowired
    Releases releases;

    @Autowired
    HttpGraphQlTester graphQl;

    @TempDir
    static Path dir;

    @Test
    @Order(1)
    void shouldRecoverNoWithheldSmallCountFromEveryAnonymousAnswerAndTheReports() throws Exception {
        assumeTrue(solverAvailable(), "python3 with numpy and scipy >= 1.9 is needed (pip install "
                + "'numpy>=1.26' 'scipy>=1.11,<2'); the attacker test is skipped");
        exporter.export(dir.resolve("exports"), 2011, Set.of(Lang.DA));
        exporter.export(dir.resolve("exports"), 2012, Set.of(Lang.DA));
        Run run = attack(List.of("--years", "2011,2012", "--report-dir", report("exports", 2012), "--report-dir",
                report("exports", 2011), "--save-answers", dir.resolve("release1.json").toString()), "release1");

        assertThat(run.output).as(run.why).contains("collected live: years 2011,2012").contains(" 0 failed");
        assertGuaranteeHolds(run);
    }

    /**
     * Issue 14's revision: three persons of 2012 recorded after the first release, the year published again, and
     * the attacker given both releases' answers and both reports, knowing that the releases differ by a few
     * records. Neither release may give away a small count.
     */
    @Test
    @Order(2)
    void shouldRecoverNoSmallCountFromTwoReleasesOfAYearThatDifferByAFewRecords() throws Exception {
        assumeTrue(solverAvailable(), "python3 with numpy and scipy >= 1.9 is needed; skipped");
        assumeTrue(Files.exists(dir.resolve("release1.json")), "the first release's answers were not collected");
        Release first = releases.latest(ReleaseBuilder.PERSONS).get(2012);
        record(graphQl.mutate().header("Authorization", "Bearer " + StaffTokens.CASEWORKER).build());
        publication.publish(2012, "attacker test");
        Release second = releases.latest(ReleaseBuilder.PERSONS).get(2012);
        assertThat(second.revision()).as("a revision of 2012").isEqualTo(first.revision() + 1);
        assertThat(second.total()).isEqualTo(first.total() + 3);
        exporter.export(dir.resolve("exports2"), 2012, Set.of(Lang.DA));

        // both years again, as the attacker polls everything: the 2012 report's prepared returns count 2011's persons
        Run run = attack(List.of("--years", "2011,2012", "--compare", dir.resolve("release1.json").toString(),
                "--report-before", report("exports", 2012), "--report-before", report("exports", 2011),
                "--report-dir", report("exports2", 2012), "--report-dir", report("exports", 2011)), "revision");

        assertThat(run.output).as(run.why).contains("collected release2: years 2011,2012").contains(" 0 failed");
        assertGuaranteeHolds(run);
    }

    /** Three women and men of 2012, of countries and statuses the first release already has. */
    private static void record(HttpGraphQlTester caseworker) {
        String[][] persons = { { "2012-901", "KE", "FEMALE", "33", "PROSTITUTION", "DECLINED_OR_LEFT" },
                { "2012-902", "NG", "FEMALE", "25", "PROSTITUTION", "IN_SUPPORT" },
                { "2012-903", "RO", "MALE", "40", "FORCED_LABOUR", "DECLINED_OR_LEFT" } };
        for (String[] p : persons) {
            caseworker.document("mutation($input: PersonInput!) { createPerson(input: $input) { caseRef } }")
                    .variable("input", Map.of("caseRef", p[0], "assessmentYear", 2012,
                            "assessedBy", "IMMIGRATION_SERVICE", "contactChannel", "POLICE", "nationality", p[1],
                            "gender", p[2], "ageAtIdentification", Integer.parseInt(p[3]), "exploitation", p[4],
                            "status", p[5]))
                    .execute().path("createPerson.caseRef").entity(String.class).isEqualTo(p[0]);
        }
    }

    private static String report(String folder, int year) {
        return dir.resolve(folder).resolve(String.valueOf(year)).toString();
    }

    private Run attack(List<String> options, String name) throws IOException, InterruptedException {
        Path violations = dir.resolve(name + "-violations.json");
        List<String> arguments = new ArrayList<>(List.of(PROGRAM.toAbsolutePath().toString(), "--url",
                "http://localhost:" + port, "--truth-token", StaffTokens.ANALYST, "--quick", "--out",
                violations.toString()));
        arguments.addAll(options);
        Run run = python(dir, arguments.toArray(String[]::new));
        System.out.println("attack.py (" + name + "):\n" + run.output);
        return run.explained("attack.py said:\n" + run.output + "\nviolations (first 4000 characters): "
                + (Files.exists(violations) ? head(Files.readString(violations, StandardCharsets.UTF_8)) : "none"));
    }

    private static void assertGuaranteeHolds(Run run) {
        assertThat(run.output).as(run.why).containsPattern("variant base: tables \\d+")
                .containsPattern("variant zeros-never-withheld: ");
        assertThat(run.output).as(run.why).doesNotContain("published numbers that are not exact")
                .doesNotContain("MODEL CHECK FAILED").doesNotContain("INFEASIBLE");
        assertThat(run.output).as(run.why).contains("guarantee (k=5): holds");
        assertThat(run.exit).as(run.why).isZero();
    }

    /** The attacker's own tests on hand-made answers: Issue 14's Africa example, a margin of 1, a missing group. */
    @Test
    void shouldPassItsOwnTestsOnHandMadeAnswers() throws Exception {
        assumeTrue(solverAvailable(), "python3 with numpy and scipy >= 1.9 is needed; skipped");
        Run run = python(PROGRAM.toAbsolutePath().getParent(), "-m", "unittest", "-v", "test_attack");
        assertThat(run.output).as(run.output).contains("OK");
        assertThat(run.exit).as(run.output).isZero();
    }

    private static String head(String text) {
        return text.length() > 4000 ? text.substring(0, 4000) + " ..." : text;
    }

    static boolean solverAvailable() {
        try {
            Run run = python(Path.of("."), "-c", "import numpy, scipy.optimize; scipy.optimize.milp");
            return run.exit == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    record Run(int exit, String output, String why) {

        Run(int exit, String output) {
            this(exit, output, output);
        }

        Run explained(String why) {
            return new Run(exit, output, why);
        }
    }

    static Run python(Path dir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", "-B"));   // -B: no __pycache__ in src/test
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile("attacker", ".log");
        Instant start = Instant.now();
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Run(-1, Files.readString(log, StandardCharsets.UTF_8) + "\n(timed out after " + TIMEOUT + ")");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Run(process.exitValue(), output + "\n(" + Duration.between(start, Instant.now()).toSeconds()
                + " s)");
    }
}
