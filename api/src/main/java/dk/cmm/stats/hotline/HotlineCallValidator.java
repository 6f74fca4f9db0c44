package dk.cmm.stats.hotline;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dk.cmm.stats.codebook.CallReason;
import dk.cmm.stats.codebook.CallerType;
import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.validation.RawRecord;

/** The rules for a hotline call record. */
public final class HotlineCallValidator {

    public static final List<String> FIELDS = List.of("callId", "date", "callerType", "reason");

    static final Pattern CALL_ID = Pattern.compile("[0-9]{4}-[0-9A-Z]{1,12}");

    private final Codebook codebook;

    public HotlineCallValidator(Codebook codebook) {
        this.codebook = codebook;
    }

    public HotlineCall validate(Map<String, ?> fields) {
        RawRecord in = new RawRecord(fields, codebook);
        in.rejectUnknownFields(FIELDS);
        String id = in.requiredText("callId");
        if (id != null && !CALL_ID.matcher(id).matches()) {
            in.reject("callId", id, "is not a call id of the form YYYY-NNN");
        }
        LocalDate date = in.date("date");
        if (date == null && in.text("date").isEmpty()) {
            in.reject("date", null, "is required");
        }
        HotlineCall call = new HotlineCall(id, date, date == null ? 0 : date.getYear(),
                date == null ? 0 : date.getMonthValue(), in.requiredCode("callerType", CallerType.class),
                in.requiredCode("reason", CallReason.class), null);
        in.throwIfInvalid();
        return call;
    }
}
