package dk.cmm.stats.stats;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;

import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.outreach.Programme;

/**
 * The outreach metrics of activities, per group key, computed in Java from the activities read with the fields they
 * need ({@link #FIELDS}, and the programme code for a programme's kind and city), one pass over the activities and
 * their contacts. It replaced a {@code $facet} whose contact metrics each began with {@code $unwind: "$contacts"}: on
 * the embedded server an unwound contact cost about 10 µs, four times over, which made a year's outreach question take
 * 1.8 s at 100,000 activities where reading the activities takes 0.1 s. The definitions are those the pipeline had, as
 * mongod evaluates them:
 * <ul>
 * <li>activities, contacts (the size of {@code contacts}, none when absent), observed and new observed (absent as
 *     0), active weeks (distinct {@code isoWeek}s) and the contacts-per-activity frequency table;</li>
 * <li>over the contacts ({@code $unwind}: none from an absent, null or empty list): new persons and health service
 *     uses (the flag is {@code true}), distinct pseudonyms and nationalities (absent and null not counted),
 *     abortion referrals (each {@code ABORTION} entry of a contact's {@code referrals}), and per pseudonym its health
 *     service uses, as a frequency table.</li>
 * </ul>
 */
final class OutreachMetrics {

    /** The stored fields the metrics read, besides the groupBy fields. */
    static final List<String> FIELDS = List.of("isoWeek", "observed", "observedNew", "contacts");

    private static final String ABORTION = "ABORTION";

    private OutreachMetrics() {
    }

    /** The figures of one group key. */
    static final class Tally {
        int activities;
        int contacts;
        int observed;
        int observedNew;
        int newPersons;
        int healthServiceUses;
        int abortionReferrals;
        final Set<Object> weeks = new HashSet<>();
        final Set<Object> pseudonyms = new HashSet<>();
        final Set<Object> nationalities = new HashSet<>();
        final Map<Double, Long> contactsPerActivity = new HashMap<>();
        final Map<Object, Integer> healthUsesByPseudonym = new HashMap<>();

        OutreachRow row(List<GroupKey> key, int assessedTrafficked) {
            Map<Double, Long> usesPerPerson = new HashMap<>();
            healthUsesByPseudonym.values().forEach(uses -> usesPerPerson.merge((double) uses, 1L, Long::sum));
            return new OutreachRow(key, activities, contacts, pseudonyms.isEmpty() ? null : pseudonyms.size(),
                    newPersons, observed, observedNew, nationalities.size(), healthServiceUses, abortionReferrals,
                    weeks.size(), Summaries.summary(new TreeMap<>(contactsPerActivity)),
                    usesPerPerson.isEmpty() ? null : Summaries.summary(new TreeMap<>(usesPerPerson)),
                    assessedTrafficked, false);
        }
    }

    /**
     * The tallies of the activities by group key, in the order the keys first occur. A programme's kind and city
     * are read from {@code programmes}, the programme records by code (needed only when grouping by them).
     */
    static Map<List<GroupKey>, Tally> tally(Iterable<Document> activities, List<OutreachDimension> groupBy,
            Map<String, Programme> programmes) {
        Map<List<GroupKey>, Tally> tallies = new LinkedHashMap<>();
        for (Document activity : activities) {
            GroupKey[] key = new GroupKey[groupBy.size()];
            for (int i = 0; i < key.length; i++) {
                Object value = value(activity, groupBy.get(i), programmes);
                key[i] = new GroupKey(groupBy.get(i).name(), value == null ? Codebook.UNKNOWN : Summaries.code(value));
            }
            add(tallies.computeIfAbsent(List.of(key), k -> new Tally()), activity);
        }
        return tallies;
    }

    /**
     * An activity's value of a dimension: its own field, or its programme record's kind or city; none when the
     * activity names no programme that has a record (as {@code $lookup} finds none), and UNKNOWN then.
     */
    private static Object value(Document activity, OutreachDimension dimension, Map<String, Programme> programmes) {
        if (!dimension.ofProgrammeRecord()) {
            return activity.get(dimension.field());
        }
        Programme programme = activity.get(dimension.activityField()) instanceof String code ? programmes.get(code)
                : null;
        if (programme == null) {
            return null;
        }
        return dimension == OutreachDimension.PROGRAMME_KIND
                ? (programme.kind() == null ? null : programme.kind().name()) : programme.city();
    }

    private static void add(Tally t, Document activity) {
        List<?> contacts = activity.get("contacts") instanceof List<?> list ? list : List.of();
        t.activities++;
        t.contacts += contacts.size();
        t.observed += intOf(activity.get("observed"));
        t.observedNew += intOf(activity.get("observedNew"));
        if (activity.get("isoWeek") != null) {
            t.weeks.add(activity.get("isoWeek"));
        }
        t.contactsPerActivity.merge((double) contacts.size(), 1L, Long::sum);
        for (Object element : contacts) {
            if (!(element instanceof Document contact)) {
                continue;
            }
            boolean health = Boolean.TRUE.equals(contact.get("healthServiceUsed"));
            Object pseudonym = contact.get("pseudonym");
            if (Boolean.TRUE.equals(contact.get("newPerson"))) {
                t.newPersons++;
            }
            if (health) {
                t.healthServiceUses++;
            }
            if (pseudonym != null) {
                t.pseudonyms.add(pseudonym);
                if (health) {
                    t.healthUsesByPseudonym.merge(pseudonym, 1, Integer::sum);
                }
            }
            if (contact.get("nationality") != null) {
                t.nationalities.add(contact.get("nationality"));
            }
            t.abortionReferrals += abortions(contact.get("referrals"));
        }
    }

    /** The {@code ABORTION} entries of a contact's referrals ({@code $unwind} takes a single value as one entry). */
    private static int abortions(Object referrals) {
        if (referrals instanceof Collection<?> entries) {
            int n = 0;
            for (Object entry : entries) {
                n += ABORTION.equals(entry) ? 1 : 0;
            }
            return n;
        }
        return ABORTION.equals(referrals) ? 1 : 0;
    }

    /** A number as {@code $sum} adds it; anything else (absent, null, text) adds nothing. */
    private static int intOf(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }
}
