package dk.cmm.stats.disclosure;

import java.util.List;

import dk.cmm.stats.stats.GroupKey;
import dk.cmm.stats.stats.NumericSummary;

/**
 * Outreach metrics as a caller sees them: exact for staff; for callers without a token: the counts of persons ({@code uniquePersons},
 * {@code newPersons}, {@code assessedTrafficked}) are null where withheld, and {@code suppressed} says so. Counts of
 * activities, contacts and anonymous observations are events, not identified persons, and stay exact.
 */
public record OutreachAnswer(
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

    /** A row shown as computed, nothing withheld (for callers who see exact numbers). */
    public static OutreachAnswer exact(dk.cmm.stats.stats.OutreachRow row) {
        return new OutreachAnswer(row.key(), row.activities(), row.contacts(), row.uniquePersons(),
                row.newPersons(), row.observed(), row.observedNew(), row.nationalities(), row.healthServiceUses(),
                row.abortionReferrals(), row.activeWeeks(), row.contactsPerActivity(), row.healthUsesPerPerson(),
                row.assessedTrafficked(), false);
    }

    /** The same row under another key (the one-year question's YEAR added). */
    public OutreachAnswer withKey(List<GroupKey> newKey) {
        return new OutreachAnswer(newKey, activities, contacts, uniquePersons, newPersons, observed, observedNew,
                nationalities, healthServiceUses, abortionReferrals, activeWeeks, contactsPerActivity,
                healthUsesPerPerson, assessedTrafficked, suppressed);
    }
}
