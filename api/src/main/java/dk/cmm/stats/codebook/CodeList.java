package dk.cmm.stats.codebook;

import java.util.List;

/**
 * A closed list of codes that has labels: one per code enum. Nationality is a code list too, but its codes come
 * from countries.csv rather than an enum (see {@link Codebook#countries()}).
 */
public enum CodeList {
    ASSESSED_BY(AssessedBy.class),
    CONTACT_CHANNEL(ContactChannel.class),
    REGION(Region.class),
    GENDER(Gender.class),
    AGE_GROUP(AgeGroup.class),
    EXPLOITATION(Exploitation.class),
    LABOUR_SECTOR(LabourSector.class),
    STATUS(Status.class),
    ACCOMMODATION(Accommodation.class),
    CALLER_TYPE(CallerType.class),
    CALL_REASON(CallReason.class),
    PROGRAMME_KIND(ProgrammeKind.class),
    REFERRAL(Referral.class);

    private final Class<? extends Enum<?>> type;

    CodeList(Class<? extends Enum<?>> type) {
        this.type = type;
    }

    public Class<? extends Enum<?>> type() {
        return type;
    }

    /** The codes in their declared order, which is the order the report lists them in. */
    public List<String> codes() {
        return java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    public static CodeList of(Class<?> type) {
        for (CodeList list : values()) {
            if (list.type == type) {
                return list;
            }
        }
        throw new IllegalArgumentException("no code list for " + type.getName());
    }
}
