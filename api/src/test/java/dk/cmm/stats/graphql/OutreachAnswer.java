package dk.cmm.stats.graphql;

import java.util.List;

import dk.cmm.stats.graphql.Breakdown.Code;
import dk.cmm.stats.graphql.Breakdown.Summary;

/** An {@code OutreachRow} as the API sends it, read back in tests. */
record OutreachAnswer(List<Code> key, int activities, int contacts, Integer uniquePersons, int newPersons,
        int observed, int observedNew, int nationalities, int healthServiceUses, int abortionReferrals,
        int activeWeeks, Summary contactsPerActivity, Summary healthUsesPerPerson, int assessedTrafficked) {

    String code() {
        return key.get(0).code();
    }
}
