package dk.cmm.stats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
        assertThat(activity.getString("programmeKind")).isEqualTo("PRISON");
        assertThat(activity.getString("city")).isEqualTo("København");
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
    void shouldRefuseAColumnThatIsNotAFieldAndAFileThatIsNotUtf8() throws IOException {
        Path misspelt = file("persons.csv", "caseRef,assessmentYear,gendr\n2013-J01,2013,FEMALE\n");
        Output output = cmmStats("import", misspelt.toString());
        assertThat(output.exitCode()).isEqualTo(1);
        assertThat(output.err()).contains(misspelt + ":1: field 'gendr': is not a column of persons");

        Path latin1 = ROOT.resolve("latin1").resolve("persons.csv");
        Files.createDirectories(latin1.getParent());
        Files.write(latin1, "caseRef;assessmentYear;nationality\n2013-J02;2013;Rumænien\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Output notUtf8 = cmmStats("import", latin1.toString());
        assertThat(notUtf8.exitCode()).isEqualTo(1);
        assertThat(notUtf8.err()).contains(latin1 + ":2: field 'file': is not UTF-8 text");
        assertThat(person("2013-J01")).isNull();
        assertThat(person("2013-J02")).isNull();
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
