package dk.cmm.stats.person;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dk.cmm.stats.codebook.Accommodation;
import dk.cmm.stats.codebook.AgeGroup;
import dk.cmm.stats.codebook.AssessedBy;
import dk.cmm.stats.codebook.ContactChannel;
import dk.cmm.stats.codebook.Exploitation;
import dk.cmm.stats.codebook.Gender;
import dk.cmm.stats.codebook.LabourSector;
import dk.cmm.stats.codebook.Region;
import dk.cmm.stats.codebook.Status;
import dk.cmm.stats.storage.Stamp;
import dk.cmm.stats.storage.Stamped;

/**
 * One person officially assessed as a victim of trafficking: a pseudonymous case reference and coded attributes,
 * never a name or free text. The case reference is the document's {@code _id}, so writes are idempotent upserts.
 * Absent attributes (older records carry only what was published) are stored as absent, not as zero.
 * {@code region}, {@code ageGroup} and {@code assessmentMonth} are derived on write (ageGroup may be given alone
 * when only the group is known, e.g. "3 minors" in 2011). The month (1-12, of the calendar date as recorded) is
 * stored so that monthly statistics never compute it from the stored date, whose {@code $month} depends on the
 * server's and the writer's time zones.
 */
@Document(Person.COLLECTION)
public record Person(
        @Id String caseRef,
        int assessmentYear,
        LocalDate assessmentDate,
        Integer assessmentMonth,
        AssessedBy assessedBy,
        ContactChannel contactChannel,
        String contactProgramme,
        String nationality,
        Region region,
        Gender gender,
        Integer ageAtIdentification,
        AgeGroup ageGroup,
        Exploitation exploitation,
        LabourSector labourSector,
        Status status,
        Integer outcomeYear,
        Integer stayDays,
        Accommodation accommodation,
        Boolean returnSupportEquivalentToIom,
        Stamp changed) implements Stamped<Person> {

    public static final String COLLECTION = "persons";

    @Override
    public Person withChanged(Stamp stamp) {
        return new Person(caseRef, assessmentYear, assessmentDate, assessmentMonth, assessedBy, contactChannel, contactProgramme,
                nationality, region, gender, ageAtIdentification, ageGroup, exploitation, labourSector, status,
                outcomeYear, stayDays, accommodation, returnSupportEquivalentToIom, stamp);
    }
}
