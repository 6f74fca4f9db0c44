package dk.cmm.stats.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.annotation.DirtiesContext;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.StaffTokens;
import dk.cmm.stats.hotline.HotlineCall;
import dk.cmm.stats.person.Person;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLTypeUtil;

/**
 * Every mutation over HTTP: its happy path returns the stored record, stamped; and every validation rule refuses
 * with one BAD_REQUEST error per problem carrying the field and the value, writing nothing. Called with a
 * caseworker's token, whose name is the stamp. The records are of
 * 2025-2026, years the other API tests do not count, and the context is closed afterwards.
 */
@ApiTest
@DirtiesContext
class MutationTests {

    @Autowired
    HttpGraphQlTester graphQl;

    /** Changes are for caseworkers (and admins): AccessControlTests shows everyone else refused. */
    @BeforeEach
    void callAsCaseworker() {
        graphQl = StaffTokens.as(graphQl, StaffTokens.CASEWORKER);
    }

    @Autowired
    MongoTemplate mongo;

    @LocalServerPort
    int port;

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... pairs) {
        Map<String, Object> map = new HashMap<>(base);
        map.putAll(map(pairs));
        return map;
    }

    private static final Map<String, Object> PERSON = map("caseRef", "2025-R01", "assessmentYear", 2025,
            "gender", "FEMALE", "nationality", "NG");
    private static final Map<String, Object> ACTIVITY = map("activityId", "STREET_ODENSE-2025-R01",
            "date", "2025-03-01", "programme", "STREET_ODENSE");
    private static final Map<String, Object> CALL = map("callId", "2025-R01", "date", "2025-03-02",
            "callerType", "POLICE", "reason", "OTHER");
    private static final Map<String, Object> PROGRAMME = map("code", "TEST_R", "nameDa", "Prøve", "nameEn", "Test",
            "kind", "OTHER");
    private static final Map<String, Object> YEAR_NOTE = map("year", 2026);

    // ---- happy paths

    @Test
    void shouldCreateAPersonFromCodesAndLabelsAndReturnItStoredAndStamped() {
        Instant before = Instant.now().minusSeconds(1);
        Map<String, Object> person = map("caseRef", "2025-001", "assessmentYear", 2025,
                "assessmentDate", "2025-02-03", "assessedBy", "CMM", "contactChannel", "OUTREACH",
                "contactProgramme", "STREET_ODENSE", "nationality", "Rumænien", "gender", "FEMALE",
                "ageAtIdentification", 24, "exploitation", "FORCED_LABOUR", "labourSector", "CLEANING",
                "status", "ASSISTED_RETURN_CMM", "outcomeYear", 2025, "stayDays", 12,
                "accommodation", "HOTEL", "returnSupportEquivalentToIom", true);

        var created = graphQl.documentName("createPerson").variable("input", person).execute()
                .path("createPerson");

        created.path("createPerson.nationality").entity(String.class).isEqualTo("RO");
        created.path("createPerson.region").entity(String.class).isEqualTo("EUROPE");
        created.path("createPerson.ageGroup").entity(String.class).isEqualTo("AGE_18_24");
        created.path("createPerson.assessmentDate").entity(String.class).isEqualTo("2025-02-03");
        created.path("createPerson.returnSupportEquivalentToIom").entity(Boolean.class).isEqualTo(true);
        created.path("createPerson.changedBy").entity(String.class).isEqualTo("test caseworker");
        String changedAt = created.path("createPerson.changedAt").entity(String.class).get();
        assertThat(Instant.parse(changedAt)).isAfter(before);
        Person stored = mongo.findById("2025-001", Person.class);
        assertThat(stored.labourSector()).hasToString("CLEANING");
        assertThat(stored.changed().at()).isEqualTo(Instant.parse(changedAt));
    }

    @Test
    void shouldUpdateOnlyTheGivenFieldsOfAPersonAndClearThoseGivenAsNull() {
        graphQl.documentName("createPerson").variable("input", map("caseRef", "2025-002", "assessmentYear", 2025,
                "gender", "MALE", "nationality", "TH", "ageAtIdentification", 40, "exploitation", "PROSTITUTION"))
                .execute();

        var updated = graphQl.documentName("updatePerson").variable("caseRef", "2025-002")
                .variable("changes", map("status", "PREPARED_RETURN_IOM", "outcomeYear", 2026, "nationality", null))
                .execute();

        updated.path("updatePerson.status").entity(String.class).isEqualTo("PREPARED_RETURN_IOM");
        updated.path("updatePerson.outcomeYear").entity(Integer.class).isEqualTo(2026);
        updated.path("updatePerson.gender").entity(String.class).isEqualTo("MALE");
        updated.path("updatePerson.ageGroup").entity(String.class).isEqualTo("AGE_40_49");
        updated.path("updatePerson.nationality").valueIsNull();
        updated.path("updatePerson.region").valueIsNull();
        assertThat(mongo.findById("2025-002", Person.class).status()).hasToString("PREPARED_RETURN_IOM");
    }

    @Test
    void shouldAnswerNotFoundWhenUpdatingAPersonThatIsNotStored() {
        graphQl.documentName("updatePerson").variable("caseRef", "2025-404").variable("changes", map("gender", "MALE"))
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
                    assertThat(error.getMessage()).isEqualTo("There is no person with caseRef '2025-404'");
                    assertThat(error.getExtensions()).containsEntry("argument", "caseRef")
                            .containsEntry("value", "2025-404");
                }));
    }

    @Test
    void shouldRecordAnOutreachActivityWithItsContactsAndReplaceItWhenRecordedAgain() {
        Map<String, Object> activity = map("activityId", "STREET_ODENSE-2025-001", "date", "2025-03-04",
                "programme", "STREET_ODENSE", "contacts", List.of(
                        map("pseudonym", "W-7", "nationality", "Nigeria", "newPerson", true),
                        map("nationality", "RO", "healthServiceUsed", true, "referrals", List.of("ABORTION"))));

        var recorded = graphQl.documentName("recordOutreachActivity").variable("input", activity).execute();

        recorded.path("recordOutreachActivity.programmeKind").entity(String.class).isEqualTo("STREET");
        recorded.path("recordOutreachActivity.city").entity(String.class).isEqualTo("Odense");
        recorded.path("recordOutreachActivity.isoWeek").entity(String.class).isEqualTo("2025-W10");
        recorded.path("recordOutreachActivity.contacts[*].nationality").entityList(String.class)
                .containsExactly("NG", "RO");
        recorded.path("recordOutreachActivity.contacts[1].referrals").entityList(String.class)
                .containsExactly("ABORTION");
        recorded.path("recordOutreachActivity.contacts[0].newPerson").entity(Boolean.class).isEqualTo(true);
        recorded.path("recordOutreachActivity.changedBy").entity(String.class).isEqualTo("test caseworker");

        graphQl.documentName("recordOutreachActivity").variable("input", with(activity, "contacts", List.of()))
                .execute().path("recordOutreachActivity.contacts").entityList(Object.class).hasSize(0);
        assertThat(mongo.getCollection("outreachActivities")
                .countDocuments(new org.bson.Document("_id", "STREET_ODENSE-2025-001"))).isOne();
    }

    @Test
    void shouldRecordAHotlineCall() {
        var recorded = graphQl.documentName("recordHotlineCall").variable("input",
                map("callId", "2025-001", "date", "2025-05-06", "callerType", "MUNICIPALITY",
                        "reason", "CASE_FOLLOW_UP")).execute();

        recorded.path("recordHotlineCall.year").entity(Integer.class).isEqualTo(2025);
        recorded.path("recordHotlineCall.month").entity(Integer.class).isEqualTo(5);
        recorded.path("recordHotlineCall.callerType").entity(String.class).isEqualTo("MUNICIPALITY");
        assertThat(mongo.findById("2025-001", HotlineCall.class).changed().by()).isEqualTo("test caseworker");
    }

    @Test
    void shouldUpsertAProgrammeThatActivitiesCanThenName() {
        Map<String, Object> programme = map("code", "PRISON_VESTRE", "nameDa", "Vestre Fængsel",
                "nameEn", "Vestre Prison", "kind", "PRISON", "city", "København", "operator", "CMM");
        graphQl.documentName("upsertProgramme").variable("input", programme).execute()
                .path("upsertProgramme.nameDa").entity(String.class).isEqualTo("Vestre Fængsel");
        graphQl.documentName("upsertProgramme").variable("input", with(programme, "operator", "Reden"))
                .execute().path("upsertProgramme.operator").entity(String.class).isEqualTo("Reden");

        graphQl.documentName("recordOutreachActivity").variable("input", map("activityId", "PRISON_VESTRE-2025-001",
                "date", "2025-06-01", "programme", "PRISON_VESTRE")).execute()
                .path("recordOutreachActivity.programmeKind").entity(String.class).isEqualTo("PRISON");
    }

    @Test
    void shouldSetTheNoteOfAYear() {
        var note = graphQl.documentName("setYearNote").variable("input", map("year", 2025,
                "contactsEstimateMin", 700, "contactsEstimateMax", 900, "cutOffDate", "2026-01-31",
                "noteDa", "Et skøn.", "noteEn", "An estimate.")).execute();

        note.path("setYearNote.contactsEstimateMax").entity(Integer.class).isEqualTo(900);
        note.path("setYearNote.cutOffDate").entity(String.class).isEqualTo("2026-01-31");
        note.path("setYearNote.reconstructed").entity(Boolean.class).isEqualTo(false);
        note.path("setYearNote.changedBy").entity(String.class).isEqualTo("test caseworker");
    }

    // ---- refusals: one per validation rule

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("createPerson", with(PERSON, "caseRef", "Jens Hansen"), "caseRef", "Jens Hansen"),
                refusal("createPerson", with(PERSON, "caseRef", " "), "caseRef", null),
                refusal("createPerson", with(PERSON, "caseRef", "2012-001"), "caseRef", "2012-001"),
                refusal("createPerson", with(PERSON, "assessmentYear", 1980), "assessmentYear", "1980"),
                refusal("createPerson", with(PERSON, "assessmentDate", "2025-13-01"), "assessmentDate",
                        "2025-13-01"),
                refusal("createPerson", with(PERSON, "assessmentDate", "2024-12-31"), "assessmentDate", "2024-12-31"),
                refusal("createPerson", with(PERSON, "contactChannel", "OUTREACH", "contactProgramme", "NO_SUCH"),
                        "contactProgramme", "NO_SUCH"),
                refusal("createPerson", with(PERSON, "contactChannel", "POLICE", "contactProgramme", "STREET_ODENSE"),
                        "contactProgramme", "STREET_ODENSE"),
                refusal("createPerson", with(PERSON, "nationality", "Narnia"), "nationality", "Narnia"),
                refusal("createPerson", with(PERSON, "ageAtIdentification", 130), "ageAtIdentification", "130"),
                refusal("createPerson", with(PERSON, "ageAtIdentification", 30, "ageGroup", "UNDER_18"), "ageGroup",
                        "UNDER_18"),
                refusal("createPerson", with(PERSON, "exploitation", "PROSTITUTION", "labourSector", "CLEANING"),
                        "labourSector", "CLEANING"),
                refusal("createPerson", with(PERSON, "outcomeYear", 2020), "outcomeYear", "2020"),
                refusal("createPerson", with(PERSON, "stayDays", -1), "stayDays", "-1"),
                refusal("createPerson", with(PERSON, "status", "IN_SUPPORT", "returnSupportEquivalentToIom", true),
                        "returnSupportEquivalentToIom", "true"),
                refusal("updatePerson", map("caseRef", "2012-003", "changes", map("labourSector", "CLEANING")),
                        "labourSector", "CLEANING"),
                refusal("recordOutreachActivity", with(ACTIVITY, "activityId", "street odense 1"), "activityId",
                        "street odense 1"),
                refusal("recordOutreachActivity", with(ACTIVITY, "date", "yesterday"), "date", "yesterday"),
                refusal("recordOutreachActivity", with(ACTIVITY, "programme", "NO_SUCH"), "programme", "NO_SUCH"),
                refusal("recordOutreachActivity", with(ACTIVITY, "observed", 200_000), "observed", "200000"),
                refusal("recordOutreachActivity", with(ACTIVITY, "observed", 3, "observedNew", 5), "observedNew",
                        "5"),
                refusal("recordOutreachActivity", with(ACTIVITY, "contacts", List.of(map("pseudonym", "Maria Jensen"))),
                        "contacts[0].pseudonym", "Maria Jensen"),
                refusal("recordOutreachActivity", with(ACTIVITY, "contacts", List.of(map(),
                        map("nationality", "Atlantis"))), "contacts[1].nationality", "Atlantis"),
                refusal("recordHotlineCall", with(CALL, "callId", "call one"), "callId", "call one"),
                refusal("recordHotlineCall", with(CALL, "date", "2025-02-30"), "date", "2025-02-30"),
                refusal("upsertProgramme", with(PROGRAMME, "code", "test r"), "code", "test r"),
                refusal("upsertProgramme", with(PROGRAMME, "nameDa", ""), "nameDa", null),
                refusal("setYearNote", with(YEAR_NOTE, "year", 1900), "year", "1900"),
                refusal("setYearNote", with(YEAR_NOTE, "contactsEstimateMin", -1), "contactsEstimateMin", "-1"),
                refusal("setYearNote", with(YEAR_NOTE, "contactsEstimateMin", 10, "contactsEstimateMax", 5),
                        "contactsEstimateMin", "10"),
                refusal("setYearNote", with(YEAR_NOTE, "cutOffDate", "31-02-2027"), "cutOffDate", "31-02-2027"),
                refusal("setYearNote", with(YEAR_NOTE, "noteDa", "x".repeat(2001)), "noteDa", "x".repeat(40) + "…"));
    }

    private static Arguments refusal(String mutation, Map<String, Object> variables, String field, String value) {
        return Arguments.of(mutation, field, value, variables);
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("refusals")
    void shouldRefuseAnInvalidFieldWithABadRequestErrorNamingTheFieldAndValueAndWriteNothing(String mutation,
            String field, String value, Map<String, Object> input) {
        long version = dataVersion();
        var request = graphQl.documentName(mutation);
        if (mutation.equals("updatePerson")) {
            request = request.variable("caseRef", input.get("caseRef")).variable("changes", input.get("changes"));
        } else {
            request = request.variable("input", input);
        }

        request.execute().errors().satisfy(errors -> {
            assertThat(errors).anySatisfy(error -> {
                assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                assertThat(error.getExtensions())
                        .containsEntry("argument", (mutation.equals("updatePerson") ? "changes." : "input.") + field)
                        .containsEntry("value", value);
                assertThat(error.getMessage()).startsWith("field '" + field + "': ");
                assertThat(error.getPath()).isEqualTo(mutation);
            });
            assertThat(errors).extracting(ResponseError::getErrorType).containsOnly(ErrorType.BAD_REQUEST);
        });
        assertThat(dataVersion()).as("nothing written").isEqualTo(version);
    }

    @Test
    void shouldReportEveryProblemOfARefusedRecordAsItsOwnError() {
        graphQl.documentName("createPerson").variable("input", with(PERSON, "caseRef", "Jens Hansen",
                "nationality", "Narnia", "stayDays", 99_999)).execute().errors().satisfy(errors -> assertThat(errors)
                        .extracting(error -> error.getExtensions().get("argument"))
                        .containsExactlyInAnyOrder("input.caseRef", "input.nationality", "input.stayDays"));
    }

    @Test
    void shouldAnswerARefusalWithHttp200AndNoStackTrace() throws Exception {
        String body = "{\"query\":\"mutation { recordHotlineCall(input: {callId: \\\"x\\\", date: \\\"2025-01-01\\\", "
                + "callerType: POLICE, reason: OTHER}) { callId } }\"}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                .uri(URI.create("http://localhost:" + port + "/graphql")).header("Content-Type", "application/json")
                .header("Authorization", StaffTokens.bearer(StaffTokens.CASEWORKER))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"classification\":\"BAD_REQUEST\"")
                .contains("\"argument\":\"input.callId\"")
                .doesNotContain("Exception").doesNotContain("at dk.cmm");
    }

    @Test
    void shouldMapEveryFieldAndArgumentOfTheMutationsAndTheRecordTypes() {
        SchemaReport report = SchemaReportCapture.REPORT.get();
        assertThat(report).as("schema inspection ran").isNotNull();
        List<String> types = List.of("Mutation", "Person", "Programme", "OutreachActivity", "OutreachContact",
                "HotlineCall", "YearNote");
        assertThat(report.unmappedFields()).extracting(FieldCoordinates::getTypeName).doesNotContainAnyElementsOf(types);
        assertThat(report.fieldNullnessErrors().keySet()).extracting(FieldCoordinates::getTypeName)
                .doesNotContainAnyElementsOf(types);
        assertThat(report.unmappedArguments().keySet()).noneMatch(fetcher -> fetcher.toString()
                .contains("MutationController"));
        assertThat(report.argumentNullnessErrors().keySet()).noneMatch(fetcher -> fetcher.toString()
                .contains("MutationController"));
        assertThat(report.skippedTypes()).extracting(skipped -> GraphQLTypeUtil.simplePrint(skipped.type()))
                .doesNotContainAnyElementsOf(types);
    }

    /** Keeps the schema inspection report of this test's application. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SchemaReportCapture {

        static final AtomicReference<SchemaReport> REPORT = new AtomicReference<>();

        @Bean
        GraphQlSourceBuilderCustomizer captureSchemaReport() {
            return builder -> builder.inspectSchemaMappings(REPORT::set);
        }
    }

    private long dataVersion() {
        org.bson.Document doc = mongo.getCollection("meta").find(new org.bson.Document("_id", "dataVersion")).first();
        return doc == null ? 0 : ((Number) doc.get("version")).longValue();
    }
}
