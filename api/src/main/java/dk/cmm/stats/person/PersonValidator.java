package dk.cmm.stats.person;

import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dk.cmm.stats.codebook.Accommodation;
import dk.cmm.stats.codebook.AgeGroup;
import dk.cmm.stats.codebook.AssessedBy;
import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.codebook.ContactChannel;
import dk.cmm.stats.codebook.Country;
import dk.cmm.stats.codebook.Exploitation;
import dk.cmm.stats.codebook.Gender;
import dk.cmm.stats.codebook.LabourSector;
import dk.cmm.stats.codebook.Region;
import dk.cmm.stats.codebook.Status;
import dk.cmm.stats.validation.RawRecord;

/**
 * The one set of rules for a person record, used by the bundled-data loader, the importer and the GraphQL
 * mutations alike. Reads raw fields (codes or their labels), reports every problem at once, derives region, age
 * group and assessment month. Checks that need the database (a duplicate case reference) are the {@link PersonService}'s.
 */
public final class PersonValidator {

    /** The record's fields in their CSV column order. */
    public static final List<String> FIELDS = List.of("caseRef", "assessmentYear", "assessmentDate", "assessedBy",
            "contactChannel", "contactProgramme", "nationality", "gender", "ageAtIdentification", "ageGroup",
            "exploitation", "labourSector", "status", "outcomeYear", "stayDays", "accommodation",
            "returnSupportEquivalentToIom");

    static final Pattern CASE_REF = Pattern.compile("[0-9]{4}-[0-9A-Z]{1,12}");
    static final int MAX_AGE = 100;
    static final int MAX_STAY_DAYS = 3650;

    private final Codebook codebook;
    private final Predicate<String> programmeExists;

    /** @param programmeExists whether an outreach programme code is known (programmes are data, not code) */
    public PersonValidator(Codebook codebook, Predicate<String> programmeExists) {
        this.codebook = codebook;
        this.programmeExists = programmeExists;
    }

    public Person validate(Map<String, ?> fields) {
        RawRecord in = new RawRecord(fields, codebook);
        in.rejectUnknownFields(FIELDS);
        String caseRef = in.requiredText("caseRef");
        if (caseRef != null && !CASE_REF.matcher(caseRef).matches()) {
            in.reject("caseRef", caseRef, "is not a pseudonymous case reference of the form YYYY-NNN");
        }
        int lastYear = Year.now().getValue() + 1;
        Integer year = in.requiredInteger("assessmentYear", 1990, lastYear);
        var date = in.date("assessmentDate");
        if (date != null && year != null && date.getYear() != year) {
            in.reject("assessmentDate", date.toString(), "is not in the assessment year " + year);
        }
        ContactChannel channel = in.code("contactChannel", ContactChannel.class);
        String programme = in.text("contactProgramme").orElse(null);
        if (programme != null && !programmeExists.test(programme)) {
            in.reject("contactProgramme", programme, "is not a known outreach programme code");
        }
        if (programme != null && channel != null && channel != ContactChannel.OUTREACH) {
            in.reject("contactProgramme", programme, "is only for persons met through OUTREACH, not " + channel);
        }
        String nationality = in.country("nationality");
        Region region = nationality == null ? null : codebook.country(nationality).map(Country::region).orElse(null);
        Integer age = in.integer("ageAtIdentification", 0, MAX_AGE);
        AgeGroup ageGroup = in.code("ageGroup", AgeGroup.class);
        if (age != null && ageGroup != null && !ageGroup.contains(age)) {
            in.reject("ageGroup", ageGroup.name(), "does not contain the age " + age);
        }
        if (age != null) {
            ageGroup = AgeGroup.of(age);
        }
        Exploitation exploitation = in.code("exploitation", Exploitation.class);
        LabourSector sector = in.code("labourSector", LabourSector.class);
        if (sector != null && exploitation != Exploitation.FORCED_LABOUR) {
            in.reject("labourSector", sector.name(), "is only for exploitation FORCED_LABOUR, not " + exploitation);
        }
        Status status = in.code("status", Status.class);
        Integer outcomeYear = in.integer("outcomeYear", 1990, lastYear);
        if (outcomeYear != null && year != null && outcomeYear < year) {
            in.reject("outcomeYear", outcomeYear.toString(), "is before the assessment year " + year);
        }
        Integer stayDays = in.integer("stayDays", 0, MAX_STAY_DAYS);
        Boolean iomEquivalent = in.bool("returnSupportEquivalentToIom");
        if (iomEquivalent != null && status != Status.ASSISTED_RETURN_CMM) {
            in.reject("returnSupportEquivalentToIom", iomEquivalent.toString(),
                    "is only for status ASSISTED_RETURN_CMM, not " + status);
        }
        Person person = new Person(caseRef, year == null ? 0 : year, date, date == null ? null : date.getMonthValue(),
                in.code("assessedBy", AssessedBy.class),
                channel, programme, nationality, region, in.code("gender", Gender.class), age, ageGroup,
                exploitation, sector, status, outcomeYear, stayDays, in.code("accommodation", Accommodation.class),
                iomEquivalent, null);
        in.throwIfInvalid();
        return person;
    }
}
