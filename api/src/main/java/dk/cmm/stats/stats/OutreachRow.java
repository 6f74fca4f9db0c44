package dk.cmm.stats.stats;

import java.util.List;

/**
 * Outreach metrics of one combination of groupBy values. {@code uniquePersons} and {@code healthUsesPerPerson} are
 * null where no contact carried a pseudonym (anonymous work cannot count persons).
 */
public record OutreachRow(
        List<GroupKey> key,
        int activities,
        int contacts,
        Integer uniquePersons,
        int newPersons,
        int observed,
        int observedNew,
        int nationalities,
        int healthServiceUses,
        int abortionReferrals,
        int activeWeeks,
        NumericSummary contactsPerActivity,
        NumericSummary healthUsesPerPerson,
        int assessedTrafficked) {

    /** The code of the key's only (or first) dimension. */
    public String code() {
        return key.get(0).code();
    }
}
