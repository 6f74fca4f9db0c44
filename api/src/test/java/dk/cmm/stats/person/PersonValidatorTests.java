package dk.cmm.stats.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dk.cmm.stats.codebook.AgeGroup;
import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.codebook.Gender;
import dk.cmm.stats.codebook.Region;
import dk.cmm.stats.validation.ValidationException;
import dk.cmm.stats.validation.Violation;

/** Each rule of a person record refuses with a message naming the field and value. */
class PersonValidatorTests {

    private final PersonValidator validator = new PersonValidator(Codebook.standard(),
            Set.of("STREET_ODENSE")::contains);

    private Map<String, Object> valid() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("caseRef", "2013-001");
        fields.put("assessmentYear", 2013);
        fields.put("assessedBy", "CMM");
        fields.put("contactChannel", "OUTREACH");
        fields.put("contactProgramme", "STREET_ODENSE");
        fields.put("nationality", "RO");
        fields.put("gender", "Kvinder");
        fields.put("ageAtIdentification", "24");
        fields.put("exploitation", "FORCED_LABOUR");
        fields.put("labourSector", "CLEANING");
        return fields;
    }

    @Test
    void shouldDeriveRegionAndAgeGroupAndReadLabels() {
        Person person = validator.validate(valid());
        assertThat(person.region()).isEqualTo(Region.EUROPE);
        assertThat(person.ageGroup()).isEqualTo(AgeGroup.AGE_18_24);
        assertThat(person.gender()).isEqualTo(Gender.FEMALE);
    }

    @Test
    void shouldRefuseAnUnknownCode() {
        Map<String, Object> fields = valid();
        fields.put("gender", "ROBOT");
        assertRefused(fields, "gender", "ROBOT", "is not a Gender code");
    }

    @Test
    void shouldRefuseAnUnknownNationality() {
        Map<String, Object> fields = valid();
        fields.put("nationality", "XY");
        assertRefused(fields, "nationality", "XY", "is not an ISO 3166-1 alpha-2 country code");
    }

    @Test
    void shouldRefuseAnImpossibleAge() {
        Map<String, Object> fields = valid();
        fields.put("ageAtIdentification", 131);
        assertRefused(fields, "ageAtIdentification", "131", "is not between 0 and 100");
        fields.put("ageAtIdentification", "-1");
        assertRefused(fields, "ageAtIdentification", "-1", "is not between 0 and 100");
        fields.put("ageAtIdentification", "twenty");
        assertRefused(fields, "ageAtIdentification", "twenty", "is not a whole number");
    }

    @Test
    void shouldRefuseALabourSectorWithoutForcedLabour() {
        Map<String, Object> fields = valid();
        fields.put("exploitation", "PROSTITUTION");
        assertRefused(fields, "labourSector", "CLEANING", "is only for exploitation FORCED_LABOUR");
    }

    @Test
    void shouldRefuseAnUnknownProgrammeAndAProgrammeOutsideOutreach() {
        Map<String, Object> fields = valid();
        fields.put("contactProgramme", "NOWHERE");
        assertRefused(fields, "contactProgramme", "NOWHERE", "is not a known outreach programme code");
        fields.put("contactProgramme", "STREET_ODENSE");
        fields.put("contactChannel", "POLICE");
        assertRefused(fields, "contactProgramme", "STREET_ODENSE", "is only for persons met through OUTREACH");
    }

    @Test
    void shouldRefuseAnOutcomeBeforeTheAssessmentAndADateOutsideTheYear() {
        Map<String, Object> fields = valid();
        fields.put("outcomeYear", 2012);
        assertRefused(fields, "outcomeYear", "2012", "is before the assessment year 2013");
        fields.remove("outcomeYear");
        fields.put("assessmentDate", "2012-12-31");
        assertRefused(fields, "assessmentDate", "2012-12-31", "is not in the assessment year 2013");
    }

    @Test
    void shouldRefuseAnAgeGroupThatContradictsTheAge() {
        Map<String, Object> fields = valid();
        fields.put("ageGroup", "UNDER_18");
        assertRefused(fields, "ageGroup", "UNDER_18", "does not contain the age 24");
    }

    @Test
    void shouldRefuseIomEquivalentSupportOutsideCentreAssistedReturns() {
        Map<String, Object> fields = valid();
        fields.put("status", "IN_SUPPORT");
        fields.put("returnSupportEquivalentToIom", true);
        assertRefused(fields, "returnSupportEquivalentToIom", "true", "is only for status ASSISTED_RETURN_CMM");
    }

    @Test
    void shouldRefuseACaseRefThatIsNotPseudonymousAndAMisspeltField() {
        Map<String, Object> fields = valid();
        fields.put("caseRef", "Jane Doe");
        fields.put("nationalty", "RO");
        ValidationException refused = refuse(fields);
        assertThat(refused.violations()).extracting(Violation::field).containsExactlyInAnyOrder("caseRef",
                "nationalty");
    }

    @Test
    void shouldReportEveryProblemOfARecordAtOnce() {
        Map<String, Object> fields = valid();
        fields.remove("caseRef");
        fields.put("assessmentYear", 1850);
        fields.put("gender", "X");
        ValidationException refused = refuse(fields);
        assertThat(refused.violations()).extracting(Violation::field)
                .containsExactlyInAnyOrder("caseRef", "assessmentYear", "gender");
        assertThat(refused.getMessage()).contains("field 'caseRef': is required")
                .contains("field 'assessmentYear': value '1850' is not between 1990");
    }

    private ValidationException refuse(Map<String, Object> fields) {
        try {
            validator.validate(fields);
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("not refused: " + fields);
    }

    private void assertRefused(Map<String, Object> fields, String field, String value, String problem) {
        assertThatThrownBy(() -> validator.validate(fields)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations())
                        .anySatisfy(v -> {
                            assertThat(v.field()).isEqualTo(field);
                            assertThat(v.value()).isEqualTo(value);
                            assertThat(v.problem()).contains(problem);
                        }));
    }
}
