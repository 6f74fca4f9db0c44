package dk.cmm.stats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dk.cmm.stats.cli.MainTests.Output;
import dk.cmm.stats.importer.Problems;

/**
 * {@code cmm-stats import} run through {@link Main#run}, on a data folder that this test's application owns (the
 * command connects to its embedded server, as it would to a running {@code serve}), so the tests count documents
 * before and after directly. Every test uses its own case references, call ids and activity ids.
 */
@SpringBootTest
class ImportCommandTests {

    private static final Path ROOT = Path.of("target/test-data/import-cli-" + UUID.randomUUID());
    private static final Path DATA = ROOT.resolve("data");

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) {
        registry.add("cmm.data-dir", DATA::toString);
    }

    @Autowired
    MongoTemplate mongo;

    private static Path file(String name, String content) throws IOException {
        Path file = ROOT.resolve(UUID.randomUUID().toString()).resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static Output cmmStats(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--cmm.data-dir=" + DATA);
        return Output.capture(() -> Main.run(all.toArray(String[]::new)));
    }

    private long count(String collection, Document filter) {
        return mongo.getCollection(collection).countDocuments(filter);
    }

    private Document person(String caseRef) {
        return mongo.getCollection("persons").find(new Document("_id", caseRef)).first();
    }

    @Test
    void shouldListEveryProblemOfEveryLineAtOnceAndWriteNothing() throws IOException {
        Path csv = file("persons.csv", """
                caseRef,assessmentYear,gender,nationality,exploitation,labourSector
                2013-A01,2013,FEMALE,NG,PROSTITUTION,
                2013-A02,2013,Kvinde,NG,PROSTITUTION,
                2013-A03,20x3,MALE,Narnia,FORCED_LABOUR,CLEANING
                2013-A04,2013,MALE,RO,PROSTITUTION,CLEANING
                2013-A01,2013,FEMALE,NG,PROSTITUTION,
                """);
        long persons = count("persons", new Document());

        Output output = cmmStats("import", csv.toString());

        assertThat(output.exitCode()).isEqualTo(1);
        assertThat(output.err()).contains(
                csv + ":3: field 'gender': value 'Kvinde' is not a Gender code",
                csv + ":4: field 'assessmentYear': value '20x3' is not a whole number",
                csv + ":4: field 'nationality': value 'Narnia' is not an ISO 3166-1 alpha-2 country code",
                csv + ":5: field 'labourSector': value 'CLEANING' is only for exploitation FORCED_LABOUR",
                csv + ":6: field 'caseRef': value '2013-A01' appears already on line 2",
                "5 problems found; nothing was written");
        assertThat(count("persons", new Document())).isEqualTo(persons);
        assertThat(person("2013-A01")).as("the valid first row is not written either").isNull();
    }

    @Test
    void shouldListTheFirstFiftyProblemsThenCountTheRest() throws IOException {
        StringBuilder csv = new StringBuilder("caseRef;assessmentYear;gender\n");
        for (int i = 0; i < Problems.LIMIT + 10; i++) {
            csv.append(String.format("2013-B%03d;2013;robot%n", i));
        }
        Path file = file("persons.csv", csv.toString());

        Output output = cmmStats("import", file.toString());

        assertThat(output.exitCode()).isEqualTo(1);
        assertThat(output.err().lines().filter(line -> line.startsWith(file + ":"))).hasSize(Problems.LIMIT);
        assertThat(output.err()).contains("… and 10 more problems").contains("60 problems found");
    }

    @Test
    void shouldImportASemicolonSeparatedDanishLabelledCsvThatExcelSavedWithAByteOrderMark() throws IOException {
        Path csv = file("personer.csv", "\uFEFF" + """
                caseRef;assessmentYear;assessmentDate;assessedBy;contactChannel;nationality;gender;\
                ageAtIdentification;exploitation;labourSector;status;outcomeYear;stayDays;accommodation;\
                returnSupportEquivalentToIom
                2013-C01;2013;05-03-2013;Center mod Menneskehandel;Politiet;Rumænien;Kvinder;34;Tvangsarbejde;\
                Rengøring;Hjemrejse v. CMM;2013;12;Krisecenter;Ja
                2013-C02;2013;2013-04-01;Udlændingestyrelsen;Opsøgende indsats;Nigeria;mænd;28;Prostitution;;\
                Afslået støtte/trådt ud af tilbud;2013;40;Hotel;
                """.replace("\n", "\r\n"));

        Output output = cmmStats("import", "--kind", "persons", csv.toString());

        assertThat(output.exitCode()).as(output.err()).isZero();
        assertThat(output.out()).contains("2 records: 2 inserted, 0 updated, 0 unchanged");
        Document woman = person("2013-C01");
        assertThat(woman.getString("nationality")).isEqualTo("RO");
        assertThat(woman.getString("region")).isEqualTo("EUROPE");
        assertThat(woman.getString("gender")).isEqualTo("FEMALE");
        assertThat(woman.getString("assessedBy")).isEqualTo("CMM");
        assertThat(woman.getString("exploitation")).isEqualTo("FORCED_LABOUR");
        assertThat(woman.getString("labourSector")).isEqualTo("CLEANING");
        assertThat(woman.getString("status")).isEqualTo("ASSISTED_RETURN_CMM");
        assertThat(woman.getString("accommodation")).isEqualTo("CRISIS_CENTRE");
        assertThat(woman.getBoolean("returnSupportEquivalentToIom")).isTrue();
        assertThat(woman.getString("ageGroup")).isEqualTo("AGE_30_39");
        Document man = person("2013-C02");
        assertThat(man.getString("gender")).isEqualTo("MALE");
        assertThat(man.getString("contactChannel")).isEqualTo("OUTREACH");
        assertThat(man.getString("status")).isEqualTo("DECLINED_OR_LEFT");
    }

    @Test
    void shouldWriteNothingOnADryRunButTellWhatWouldHappen() throws IOException {
        Path csv = file("persons.csv", """
                caseRef,assessmentYear,gender
                2013-D01,2013,FEMALE
                2013-D02,2013,MALE
                """);
        long persons = count("persons", new Document());

        Output output = cmmStats("import", "--dry-run", csv.toString());

        assertThat(output.exitCode()).as(output.err()).isZero();
        assertThat(output.out()).contains("2 records: 2 would be inserted, 0 updated, 0 unchanged")
                .contains("Dry run");
        assertThat(count("persons", new Document())).isEqualTo(persons);
    }

    @Test
    void shouldReportRecordsImportedAgainAsUnchangedAndChangedOnesAsUpdatedWithoutCopies() throws IOException {
        Path first = file("persons-2013.csv", """
                caseRef,assessmentYear,gender
                2013-E01,2013,FEMALE
                2013-E02,2013,MALE
                """);
        assertThat(cmmStats("import", first.toString()).exitCode()).isZero();
        Path second = file("persons-2013.csv", """
                caseRef,assessmentYear,gender
                2013-E01,2013,FEMALE
                2013-E02,2013,FEMALE
                2013-E03,2013,MALE
                """);

        Output output = cmmStats("import", second.toString());

        assertThat(output.out()).contains("3 records: 1 inserted, 1 updated, 1 unchanged");
        assertThat(count("persons", new Document("_id", new Document("$regex", "^2013-E")))).isEqualTo(3);
        assertThat(person("2013-E02").getString("gender")).isEqualTo("FEMALE");
    }

    @Test
    void shouldGroupConsecutiveRowsOfAnActivityIntoOneActivityWithItsContacts() throws IOException {
        Path csv = file("outreach-activities.csv", """
                activityId;date;programme;observed;observedNew;pseudonym;nationality;newPerson;healthServiceUsed;referrals
                STREET_ODENSE-2013-F01;2013-02-01;STREET_ODENSE;;;W-1;NG;ja;nej;
                STREET_ODENSE-2013-F01;;;;;W-2;Thailand;nej;ja;ABORTION|Henvisning til sundhedsvæsenet
                STREET_COPENHAGEN-2013-F02;2013-02-02;STREET_COPENHAGEN;12;3;;;;;
                STREET_ODENSE-2013-F03;2013-02-03;STREET_ODENSE;;;;RO;false;false;
                """);

        Output output = cmmStats("import", csv.toString());

        assertThat(output.exitCode()).as(output.err()).isZero();
        assertThat(output.out()).contains("3 records: 3 inserted");
        Document odense = mongo.getCollection("outreachActivities").find(new Document("_id",
                "STREET_ODENSE-2013-F01")).first();
        assertThat(odense.getList("contacts", Document.class)).hasSize(2);
        Document second = odense.getList("contacts", Document.class).get(1);
        assertThat(second.getString("nationality")).isEqualTo("TH");
        assertThat(second.getBoolean("healthServiceUsed")).isTrue();
        assertThat(second.getList("referrals", String.class)).containsExactly("ABORTION", "HEALTH_CARE");
        Document copenhagen = mongo.getCollection("outreachActivities").find(new Document("_id",
                "STREET_COPENHAGEN-2013-F02")).first();
        assertThat(copenhagen.getInteger("observed")).isEqualTo(12);
        assertThat(copenhagen.getList("contacts", Document.class)).isEmpty();
    }

    @Test
    void shouldReportAProblemWithAContactOnTheContactsOwnLineAndAConflictingActivityColumn() throws IOException {
        Path csv = file("activities.csv", """
                activityId,date,programme,observed,observedNew,pseudonym,nationality,newPerson,healthServiceUsed,referrals
                STREET_ODENSE-2013-G01,2013-02-01,STREET_ODENSE,,,W-1,NG,,,
                STREET_ODENSE-2013-G01,2013-02-01,STREET_ODENSE,,,W-2,Atlantis,,,
                STREET_ODENSE-2013-G01,2013-02-09,STREET_ODENSE,,,W-3,RO,,,PIZZA
                """);

        Output output = cmmStats("import", csv.toString());

        assertThat(output.exitCode()).isEqualTo(1);
        assertThat(output.err()).contains(
                csv + ":3: field 'nationality': value 'Atlantis' is not an ISO 3166-1 alpha-2 country code",
                csv + ":4: field 'date': value '2013-02-09' differs from the activity's first row, line 2",
                csv + ":4: field 'referrals': value 'PIZZA' is not a Referral code");
        assertThat(count("outreachActivities", new Document("_id", "STREET_ODENSE-2013-G01"))).isZero();
    }

    @Test
    void shouldImportJsonLinesAndSeveralFilesOfSeveralKindsWithProgrammesFirst() throws IOException {
        Path activities = file("outreach-activities.jsonl", """
                {"activityId":"PRISON_VESTRE-2013-H01","date":"2013-05-01","programme":"PRISON_VESTRE",\
                "contacts":[{"nationality":"NG","newPerson":true}]}
                """);
        Path programmes = file("programmes.csv", """
                code,nameDa,nameEn,kind,city,operator
                PRISON_VESTRE,Opsøgende indsats i Vestre Fængsel,Outreach in Vestre Prison,Fængsler,København,CMM
                """);
        Path calls = file("hotline-calls.jsonl", """
                {"callId":"2013-H01","date":"2013-05-02","callerType":"Politiet","reason":"OTHER"}
                """);

        Output output = cmmStats("import", activities.toString(), calls.toString(), programmes.toString());

        assertThat(output.exitCode()).as(output.err()).isZero();
        assertThat(output.out().indexOf(programmes.toString())).isLessThan(output.out().indexOf(activities.toString()));
        Document activity = mongo.getCollection("outreachActivities")
                .find(new Document("_id", "PRISON_VESTRE-2013-H01")).first();
        assertThat(activity.getString("programme")).isEqualTo("PRISON_VESTRE");
        assertThat(activity).as("kind and city are read from the programme, never copied")
                .doesNotContainKeys("programmeKind", "city");
        assertThat(count("hotlineCalls", new Document("_id", "2013-H01").append("callerType", "POLICE"))).isOne();
    }

    @Test
    void shouldRefuseAFileWhoseNameDoesNotTellItsKindUnlessKindIsGiven() throws IOException {
        Path csv = file("data.csv", "callId,date,callerType,reason\n2013-I01,2013-06-01,NGO,OTHER\n");

        Output refused = cmmStats("import", csv.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("Cannot tell what " + csv + " holds from its name");

        Output imported = cmmStats("import", "--kind", "hotline", csv.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(count("hotlineCalls", new Document("_id", "2013-I01"))).isOne();
    }

    @Test
    void shouldRefuseAColumnThatIsNotAField() throws IOException {
        Path misspelt = file("persons.csv", "caseRef,assessmentYear,gendr\n2013-J01,2013,FEMALE\n");
        Output output = cmmStats("import", misspelt.toString());
        assertThat(output.exitCode()).isEqualTo(1);
        assertThat(output.err()).contains(misspelt + ":1: field 'gendr': is not a column of persons");
        assertThat(person("2013-J01")).isNull();
    }

    /** What Danish Excel writes for "CSV (semikolonsepareret)": Windows-1252, not UTF-8. */
    @Test
    void shouldImportAWindows1252CsvAsDanishExcelSavesItWithItsLettersIntact() throws IOException {
        Path folder = ROOT.resolve(UUID.randomUUID().toString());
        Files.createDirectories(folder);
        Path programmes = folder.resolve("programmes.csv");
        Files.write(programmes, ("code;nameDa;nameEn;kind;city;operator\r\n"
                + "AARHUS_OUTREACH;Opsøgende indsats i Århus;Outreach in Aarhus;Gadeindsats;Århus;Ærø & Søn\r\n")
                .getBytes(Charset.forName("windows-1252")));
        Path persons = folder.resolve("persons-2013.csv");
        Files.write(persons, ("caseRef;assessmentYear;nationality;gender;exploitation;status\r\n"
                + "2013-J02;2013;Rumænien;Mænd;Ægteskab;Afslået støtte/trådt ud af tilbud\r\n")
                .getBytes(Charset.forName("windows-1252")));

        Output output = cmmStats("import", programmes.toString(), persons.toString());

        assertThat(output.exitCode()).as(output.err()).isZero();
        assertThat(output.out()).contains(persons + " (Windows-1252): 1 record: 1 inserted")
                .contains(programmes + " (Windows-1252): 1 record: 1 inserted");
        Document person = person("2013-J02");
        assertThat(person.getString("nationality")).isEqualTo("RO");
        assertThat(person.getString("gender")).isEqualTo("MALE");
        assertThat(person.getString("exploitation")).isEqualTo("MARRIAGE");
        assertThat(person.getString("status")).isEqualTo("DECLINED_OR_LEFT");
        Document programme = mongo.getCollection("programmes").find(new Document("_id", "AARHUS_OUTREACH")).first();
        assertThat(programme.getString("nameDa")).isEqualTo("Opsøgende indsats i Århus");
        assertThat(programme.getString("city")).isEqualTo("Århus");
        assertThat(programme.getString("operator")).isEqualTo("Ærø & Søn");
    }

    @Test
    void shouldNameUtf8InTheReportAndRefuseABinaryFileNamingIt() throws IOException {
        Path utf8 = file("hotline-calls.csv", "callId;date;callerType;reason\n2013-J03;2013-06-01;NGO;Andet\n");
        Output output = cmmStats("import", utf8.toString());
        assertThat(output.out()).contains(utf8 + " (UTF-8): 1 record: 1 inserted");

        Path binary = ROOT.resolve(UUID.randomUUID().toString()).resolve("hotline-calls.csv");
        Files.createDirectories(binary.getParent());
        Files.write(binary, "callId;date;callerType;reason\n2013-J04;2013\0\0\0;NGO;OTHER\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Output refused = cmmStats("import", binary.toString());
        assertThat(refused.exitCode()).isEqualTo(1) /* a refused file, not wrong arguments (issue 24) */;
        assertThat(refused.err())
                .contains(binary + " holds NUL bytes (from line 2, field 'date'), so it is not a text file");
        assertThat(count("hotlineCalls", new Document("_id", "2013-J04"))).isZero();

        Path undefined = ROOT.resolve(UUID.randomUUID().toString()).resolve("hotline-calls.csv");
        Files.createDirectories(undefined.getParent());
        Files.write(undefined, new byte[] { 'c', 'a', 'l', 'l', 'I', 'd', '\n', (byte) 0x81, (byte) 0xFF, '\n' });
        assertThat(cmmStats("import", undefined.toString()).err())
                .contains(undefined + " is neither UTF-8 nor Windows-1252 text (line 2 is not UTF-8");
    }

    @Test
    void shouldAcceptTheEmptyColumnsExcelAddsButNotAValueInAColumnWithoutAName() throws IOException {
        Path csv = file("persons.csv", "caseRef;assessmentYear;;\n2013-K01;2013;;\n2013-K02;2013;oops;\n");

        Output output = cmmStats("import", csv.toString());

        assertThat(output.exitCode()).isEqualTo(1);
        assertThat(output.err()).contains(csv + ":3: field 'column 3': value 'oops' is in a column without a name")
                .contains("1 problem found");
    }

    @Test
    void shouldReportAnUnterminatedQuoteWhereItBegins() throws IOException {
        Path csv = file("hotline-calls.csv", """
                callId,date,callerType,reason
                2013-L01,2013-01-01,NGO,OTHER
                2013-L02,"2013-01-02,NGO,OTHER
                2013-L03,2013-01-03,NGO,OTHER
                """);

        Output output = cmmStats("import", csv.toString());

        assertThat(output.exitCode()).isEqualTo(1);
        assertThat(output.err()).contains(csv + ":3: field 'file': is not readable CSV");
        assertThat(count("hotlineCalls", new Document("_id", "2013-L01"))).isZero();
    }

    /** Hostile files (issue 15): each gets a short error naming file, line and field, the value cut and escaped. */
    @Test
    void shouldRefuseAHeaderLineOver64KibInOneShortProblem() throws IOException {
        StringBuilder header = new StringBuilder("caseRef;assessmentYear");
        for (int i = 0; i < 100_000; i++) {
            header.append(";c").append(i);
        }
        Path csv = file("persons.csv", header + "\n2013-M01;2013\n");

        Output output = cmmStats("import", csv.toString());

        assertThat(output.exitCode()).isEqualTo(1);
        assertThat(output.err()).contains(csv + ":1: field 'header': value '" + header.substring(0, 60)
                + "…' (65,536 characters) is longer than 64 KiB")
                .contains("1 problem found").doesNotContain("Mark invalid");
        assertThat(output.err().length()).isLessThan(1_000);
    }

    @Test
    void shouldShowOnlyTheStartOfATenMegabyteValue() throws IOException {
        Path jsonl = file("persons.jsonl", "{\"caseRef\":\"" + "A".repeat(10 << 20) + "\",\"assessmentYear\":2013}\n");
        Path csv = file("persons.csv", "caseRef;assessmentYear\n" + "B".repeat(10 << 20) + ";2013\n");

        Output output = cmmStats("import", jsonl.toString(), csv.toString());

        assertThat(output.exitCode()).isEqualTo(1);
        assertThat(output.err()).contains(jsonl + ":1: field 'line': value '{\"caseRef\":\"" + "A".repeat(48)
                + "…' (1,048,576 characters) is longer than 1 MiB")
                .contains(csv + ":2: field 'caseRef': value '" + "B".repeat(60) + "…' (10,485,760 characters) is not "
                        + "a pseudonymous case reference");
        assertThat(output.err().length()).isLessThan(1_500);
    }

    @Test
    void shouldEscapeNulAndControlCharactersInsteadOfSendingThemToTheTerminal() throws IOException {
        Path jsonl = file("persons.jsonl",
                "{\"caseRef\":\"2013-\\u0000\\u001b[31mRED\\u0007!\",\"assessmentYear\":2013}\n");
        Path csv = file("hotline-calls.csv", "callId;date;callerType;reason\n2013-M02;2013-01-01;NGO\u001b[2J;OTHER\n"
                + "2013-M03;2013-01-01;NGO\u009b2J;OTHER\n");

        Output output = cmmStats("import", jsonl.toString(), csv.toString());

        assertThat(output.exitCode()).isEqualTo(1);
        assertThat(output.err()).contains(jsonl + ":1: field 'caseRef': value '2013-\\u0000\\u001b[31mRED\\u0007!' is "
                + "not a pseudonymous case reference")
                .contains(csv + ":2: field 'callerType': value 'NGO\\u001b[2J' is not a CallerType code")
                .contains(csv + ":3: field 'callerType': value 'NGO\\u009b2J' is not a CallerType code");
        assertThat(output.err().chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t'
                || c >= 0x7f && c < 0xa0)).as("control characters on stderr").isEmpty();
    }

    @Test
    void shouldSayThatARowSeparatedByCommasInASemicolonFileHasTheWrongSeparator() throws IOException {
        Path csv = file("persons.csv", "caseRef;assessmentYear;gender\n2013-M04;2013;FEMALE\n2013-M05,2013,MALE\n");

        Output output = cmmStats("import", csv.toString());

        assertThat(output.exitCode()).isEqualTo(1);
        assertThat(output.err()).contains(csv + ":3: field 'row': value '2013-M05,2013,MALE' is one cell: the row is "
                + "separated by ',', but the header row by ';'").contains("1 problem found");
        assertThat(person("2013-M04")).isNull();
    }

    @Test
    void shouldPrintAnEmptyCsvTemplateWithTheHeaderOfEachKind() {
        Output persons = Output.capture(() -> Main.run("import", "--template", "persons"));
        assertThat(persons.exitCode()).isZero();
        assertThat(persons.out()).isEqualTo("\uFEFFcaseRef;assessmentYear;assessmentDate;assessedBy;contactChannel;"
                + "contactProgramme;nationality;gender;ageAtIdentification;ageGroup;exploitation;labourSector;status;"
                + "outcomeYear;stayDays;accommodation;returnSupportEquivalentToIom\n");

        Output activities = Output.capture(() -> Main.run("import", "--template", "activities", "--separator", ","));
        assertThat(activities.out()).isEqualTo("\uFEFFactivityId,date,programme,observed,observedNew,pseudonym,"
                + "nationality,newPerson,healthServiceUsed,referrals\n");
    }
}
