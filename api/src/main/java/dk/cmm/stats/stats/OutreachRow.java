package dk.cmm.stats.stats;

import java.util.List;

/**
 * Outreach metrics of one combination of groupBy values, as every caller sees them: the one outreach answer type.
 * {@code uniquePersons} and {@code healthUsesPerPerson} are null where no contact carried a pseudonym (anonymous
 * work cannot count persons). Staff get every number exact and nothing {@code suppressed}; for callers without a
 * token, disclosure control makes the counts of persons ({@code uniquePersons}, {@code newPersons},
 * {@code assessedTrafficked}) null where withheld, and {@code suppressed} says so. Counts of activities, contacts
 * and anonymous observations are events, not identified persons, and stay exact.
 */
public record OutreachRow(
        List<GroupKey> key,
        int activities,
        int contacts,
        Integer uniquePersons,
        Integer newPersons,
        int observed,
        int observedNew,
        int nationalities,
        int healthServiceUses,
        int abortionReferrals,
        int activeWeeks,
        NumericSummary contactsPerActivity,
        NumericSummary healthUsesPerPerson,
        Integer assessedTrafficked,
        boolean suppressed) {

    /** The code of the key's only (or first) dimension. */
    public String code() {
        return key.get(0).code();
    }

    /** The same row under another key (a one-year question's YEAR added, or a year's rows keyed without it). */
    public OutreachRow withKey(List<GroupKey> newKey) {
        return new OutreachRow(newKey, activities, contacts, uniquePersons, newPersons, observed, observedNew,
                nationalities, healthServiceUses, abortionReferrals, activeWeeks, contactsPerActivity,
                healthUsesPerPerson, assessedTrafficked, suppressed);
    }
}
