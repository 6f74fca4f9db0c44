package dk.cmm.stats.importer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.cmm.stats.hotline.HotlineCall;
import dk.cmm.stats.outreach.OutreachActivity;
import dk.cmm.stats.outreach.OutreachActivityValidator;
import dk.cmm.stats.outreach.OutreachContact;
import dk.cmm.stats.outreach.Programme;
import dk.cmm.stats.person.Person;
import dk.cmm.stats.yearnote.YearNote;

/**
 * A stored record as the raw fields its validator reads: the inverse of validation, so that dumping a record and
 * importing it again gives the same record. Derived fields (region, year, month, a programme's kind and city) are
 * left out, as is an age group that the age determines; absent values are left out; codes are written as codes.
 */
public final class RecordFields {

    private RecordFields() {
    }

    public static Map<String, Object> of(Object record) {
        Fields fields = new Fields();
        if (record instanceof Person p) {
            fields.put("caseRef", p.caseRef()).put("assessmentYear", p.assessmentYear())
                    .put("assessmentDate", p.assessmentDate()).put("assessedBy", p.assessedBy())
                    .put("contactChannel", p.contactChannel()).put("contactProgramme", p.contactProgramme())
                    .put("nationality", p.nationality()).put("gender", p.gender())
                    .put("ageAtIdentification", p.ageAtIdentification())
                    .put("ageGroup", p.ageAtIdentification() == null ? p.ageGroup() : null)
                    .put("exploitation", p.exploitation()).put("labourSector", p.labourSector())
                    .put("status", p.status()).put("outcomeYear", p.outcomeYear()).put("stayDays", p.stayDays())
                    .put("accommodation", p.accommodation())
                    .put("returnSupportEquivalentToIom", p.returnSupportEquivalentToIom());
        } else if (record instanceof Programme p) {
            fields.put("code", p.code()).put("nameDa", p.nameDa()).put("nameEn", p.nameEn())
                    .put("kind", p.kind()).put("city", p.city()).put("operator", p.operator());
        } else if (record instanceof OutreachActivity a) {
            fields.put("activityId", a.activityId()).put("date", a.date())
                    .put("programme", a.programme()).put("observed", a.observed()).put("observedNew", a.observedNew())
                    .put(OutreachActivityValidator.CONTACTS, a.contacts() == null || a.contacts().isEmpty() ? null
                            : a.contacts().stream().map(RecordFields::contact).toList());
        } else if (record instanceof HotlineCall c) {
            fields.put("callId", c.callId()).put("date", c.date())
                    .put("callerType", c.callerType()).put("reason", c.reason());
        } else if (record instanceof YearNote n) {
            fields.put("year", n.year()).put("contactsEstimateMin", n.contactsEstimateMin())
                    .put("contactsEstimateMax", n.contactsEstimateMax()).put("cutOffDate", n.cutOffDate())
                    .put("reconstructed", n.reconstructed()).put("noteDa", n.noteDa()).put("noteEn", n.noteEn());
        } else {
            throw new IllegalArgumentException("not a record kind: " + record.getClass().getName());
        }
        return fields.map;
    }

    private static Map<String, Object> contact(OutreachContact contact) {
        return new Fields().put("pseudonym", contact.pseudonym()).put("nationality", contact.nationality())
                .put("newPerson", contact.newPerson()).put("healthServiceUsed", contact.healthServiceUsed())
                .put("referrals", contact.referrals() == null || contact.referrals().isEmpty() ? null
                        : contact.referrals().stream().map(Enum::name).toList())
                .map;
    }

    /** Field values as a file holds them: text, whole numbers, true/false, lists; absent values left out. */
    private static final class Fields {

        private final Map<String, Object> map = new LinkedHashMap<>();

        Fields put(String field, Object value) {
            if (value instanceof Enum<?> code) {
                map.put(field, code.name());
            } else if (value instanceof java.time.LocalDate date) {
                map.put(field, date.toString());
            } else if (value instanceof List<?> list) {
                map.put(field, List.copyOf(list));
            } else if (value != null) {
                map.put(field, value);
            }
            return this;
        }
    }
}
