package dk.cmm.stats.stats;

import java.util.List;

import dk.cmm.stats.codebook.Accommodation;
import dk.cmm.stats.codebook.AssessedBy;
import dk.cmm.stats.codebook.ContactChannel;
import dk.cmm.stats.codebook.Exploitation;
import dk.cmm.stats.codebook.Gender;
import dk.cmm.stats.codebook.LabourSector;
import dk.cmm.stats.codebook.Region;
import dk.cmm.stats.codebook.Status;

/**
 * Which persons to count: fields combine with AND, the values of a list with OR; null or empty means any.
 * {@code yearFrom}/{@code yearTo} bound the assessment year (inclusive) and combine with {@code assessmentYears}
 * by AND. How each field matches is in {@link FilterField#PERSON}.
 */
public record PersonFilter(
        List<Integer> assessmentYears,
        List<AssessedBy> assessedBy,
        List<ContactChannel> contactChannel,
        List<String> contactProgramme,
        List<String> nationality,
        List<Region> region,
        List<Gender> gender,
        Integer ageMin,
        Integer ageMax,
        List<Exploitation> exploitation,
        List<LabourSector> labourSector,
        List<Status> status,
        List<Integer> outcomeYears,
        List<Accommodation> accommodation,
        Integer yearFrom,
        Integer yearTo) {

    public static final PersonFilter ALL = builder().build();

    /** The filter without a year range (the fields it had before {@code yearFrom}/{@code yearTo}). */
    public PersonFilter(List<Integer> assessmentYears, List<AssessedBy> assessedBy,
            List<ContactChannel> contactChannel, List<String> contactProgramme, List<String> nationality,
            List<Region> region, List<Gender> gender, Integer ageMin, Integer ageMax, List<Exploitation> exploitation,
            List<LabourSector> labourSector, List<Status> status, List<Integer> outcomeYears,
            List<Accommodation> accommodation) {
        this(assessmentYears, assessedBy, contactChannel, contactProgramme, nationality, region, gender, ageMin,
                ageMax, exploitation, labourSector, status, outcomeYears, accommodation, null, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.assessmentYears = assessmentYears;
        b.assessedBy = assessedBy;
        b.contactChannel = contactChannel;
        b.contactProgramme = contactProgramme;
        b.nationality = nationality;
        b.region = region;
        b.gender = gender;
        b.ageMin = ageMin;
        b.ageMax = ageMax;
        b.exploitation = exploitation;
        b.labourSector = labourSector;
        b.status = status;
        b.outcomeYears = outcomeYears;
        b.accommodation = accommodation;
        b.yearFrom = yearFrom;
        b.yearTo = yearTo;
        return b;
    }

    /** Builds filters in code (the report's figures) without a 14-argument constructor call. */
    public static final class Builder {
        private List<Integer> assessmentYears;
        private List<AssessedBy> assessedBy;
        private List<ContactChannel> contactChannel;
        private List<String> contactProgramme;
        private List<String> nationality;
        private List<Region> region;
        private List<Gender> gender;
        private Integer ageMin;
        private Integer ageMax;
        private List<Exploitation> exploitation;
        private List<LabourSector> labourSector;
        private List<Status> status;
        private List<Integer> outcomeYears;
        private List<Accommodation> accommodation;
        private Integer yearFrom;
        private Integer yearTo;

        public Builder assessmentYears(Integer... years) { this.assessmentYears = List.of(years); return this; }
        public Builder assessmentYears(List<Integer> years) { this.assessmentYears = years; return this; }
        public Builder assessedBy(AssessedBy... values) { this.assessedBy = List.of(values); return this; }
        public Builder contactChannel(ContactChannel... values) { this.contactChannel = List.of(values); return this; }
        public Builder contactProgramme(String... values) { this.contactProgramme = List.of(values); return this; }
        public Builder nationality(String... values) { this.nationality = List.of(values); return this; }
        public Builder region(Region... values) { this.region = List.of(values); return this; }
        public Builder gender(Gender... values) { this.gender = List.of(values); return this; }
        public Builder ageMin(Integer value) { this.ageMin = value; return this; }
        public Builder ageMax(Integer value) { this.ageMax = value; return this; }
        public Builder exploitation(Exploitation... values) { this.exploitation = List.of(values); return this; }
        public Builder labourSector(LabourSector... values) { this.labourSector = List.of(values); return this; }
        public Builder status(Status... values) { this.status = List.of(values); return this; }
        public Builder outcomeYears(Integer... years) { this.outcomeYears = List.of(years); return this; }
        public Builder accommodation(Accommodation... values) { this.accommodation = List.of(values); return this; }

        /** Assessment years from {@code from} on (inclusive). */
        public Builder yearFrom(Integer from) { this.yearFrom = from; return this; }
        /** Assessment years up to {@code to} (inclusive). */
        public Builder yearTo(Integer to) { this.yearTo = to; return this; }

        public PersonFilter build() {
            return new PersonFilter(assessmentYears, assessedBy, contactChannel, contactProgramme, nationality, region,
                    gender, ageMin, ageMax, exploitation, labourSector, status, outcomeYears, accommodation, yearFrom,
                    yearTo);
        }
    }
}
