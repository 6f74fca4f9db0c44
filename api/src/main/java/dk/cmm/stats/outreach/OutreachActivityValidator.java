package dk.cmm.stats.outreach;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.codebook.Referral;
import dk.cmm.stats.validation.RawRecord;

/**
 * The rules for an outreach activity and its contacts. Contacts come as a list of field maps; a problem in one is
 * reported as {@code contacts[3].nationality}.
 */
public final class OutreachActivityValidator {

    /** The field holding an activity's contacts, a list of field maps with {@link #CONTACT_FIELDS}. */
    public static final String CONTACTS = "contacts";
    public static final List<String> FIELDS = List.of("activityId", "date", "programme", "observed", "observedNew",
            CONTACTS);
    public static final List<String> CONTACT_FIELDS = List.of("pseudonym", "nationality", "newPerson",
            "healthServiceUsed", "referrals");

    static final Pattern ACTIVITY_ID = Pattern.compile("[A-Z0-9][A-Z0-9_-]{2,80}");
    static final Pattern PSEUDONYM = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    static final int MAX_COUNT = 100_000;

    private final Codebook codebook;
    private final Predicate<String> programmeExists;

    public OutreachActivityValidator(Codebook codebook, Predicate<String> programmeExists) {
        this.codebook = codebook;
        this.programmeExists = programmeExists;
    }

    public OutreachActivity validate(Map<String, ?> fields) {
        RawRecord in = new RawRecord(fields, codebook);
        in.rejectUnknownFields(FIELDS);
        String id = in.requiredText("activityId");
        if (id != null && !ACTIVITY_ID.matcher(id).matches()) {
            in.reject("activityId", id, "is not an activity id (capital letters, digits, _ and -)");
        }
        LocalDate date = in.date("date");
        if (date == null && in.text("date").isEmpty()) {
            in.reject("date", null, "is required");
        }
        String programmeCode = in.requiredText("programme");
        if (programmeCode != null && !programmeExists.test(programmeCode)) {
            in.reject("programme", programmeCode, "is not a known outreach programme code");
        }
        Integer observed = in.integer("observed", 0, MAX_COUNT);
        Integer observedNew = in.integer("observedNew", 0, MAX_COUNT);
        if (observed != null && observedNew != null && observedNew > observed) {
            in.reject("observedNew", observedNew.toString(), "is more than observed (" + observed + ")");
        }
        List<OutreachContact> contacts = contacts(in, fields.get(CONTACTS));
        OutreachActivity activity = new OutreachActivity(id, date, date == null ? 0 : date.getYear(),
                date == null ? 0 : date.getMonthValue(), date == null ? null : isoWeek(date), programmeCode,
                observed, observedNew, contacts, null);
        in.throwIfInvalid();
        return activity;
    }

    /** The ISO week of a date as {@code 2012-W05}, the key for counting active weeks. */
    public static String isoWeek(LocalDate date) {
        return String.format("%04d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private List<OutreachContact> contacts(RawRecord activity, Object raw) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            activity.reject(CONTACTS, String.valueOf(raw), "is not a list of contacts");
            return List.of();
        }
        List<OutreachContact> contacts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String prefix = "contacts[" + i + "].";
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                activity.reject(prefix.substring(0, prefix.length() - 1), String.valueOf(list.get(i)),
                        "is not a contact object");
                continue;
            }
            @SuppressWarnings("unchecked")
            RawRecord in = new RawRecord((Map<String, ?>) map, codebook);
            in.rejectUnknownFields(CONTACT_FIELDS);
            String pseudonym = in.text("pseudonym").orElse(null);
            if (pseudonym != null && !PSEUDONYM.matcher(pseudonym).matches()) {
                in.reject("pseudonym", pseudonym, "is not a pseudonym (letters, digits, _ and -; never a name)");
            }
            String nationality = in.country("nationality");
            Boolean newPerson = in.bool("newPerson");
            Boolean health = in.bool("healthServiceUsed");
            List<Referral> referrals = referrals(in, map.get("referrals"));
            in.violations().forEach(v -> activity.reject(prefix + v.field(), v.value(), v.problem()));
            contacts.add(new OutreachContact(pseudonym, nationality, Boolean.TRUE.equals(newPerson),
                    Boolean.TRUE.equals(health), referrals));
        }
        return contacts;
    }

    private List<Referral> referrals(RawRecord in, Object raw) {
        if (raw == null) {
            return List.of();
        }
        List<?> values = raw instanceof List<?> list ? list : List.of(String.valueOf(raw).split("[|,]"));
        List<Referral> referrals = new ArrayList<>();
        for (Object value : values) {
            String text = String.valueOf(value).trim();
            if (text.isEmpty()) {
                continue;
            }
            codebook.parse(Referral.class, text).ifPresentOrElse(referrals::add,
                    () -> in.reject("referrals", text, "is not a Referral code"));
        }
        return List.copyOf(referrals);
    }
}
