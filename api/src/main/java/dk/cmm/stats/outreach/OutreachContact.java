package dk.cmm.stats.outreach;

import java.util.List;

import dk.cmm.stats.codebook.Referral;

/**
 * One personal contact made during an outreach activity. The pseudonym (optional: street and clinic contacts are
 * often anonymous) lets the statistics count unique persons without knowing who they are.
 */
public record OutreachContact(String pseudonym, String nationality, boolean newPerson, boolean healthServiceUsed,
        List<Referral> referrals) {
}
