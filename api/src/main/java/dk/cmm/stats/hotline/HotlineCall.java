package dk.cmm.stats.hotline;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dk.cmm.stats.codebook.CallReason;
import dk.cmm.stats.codebook.CallerType;
import dk.cmm.stats.storage.Stamp;
import dk.cmm.stats.storage.Stamped;

/** One call to the centre's hotline; year and month are derived from the date on write. */
@Document(HotlineCall.COLLECTION)
public record HotlineCall(@Id String callId, LocalDate date, int year, int month, CallerType callerType,
        CallReason reason, Stamp changed) implements Stamped<HotlineCall> {

    public static final String COLLECTION = "hotlineCalls";

    @Override
    public HotlineCall withChanged(Stamp stamp) {
        return new HotlineCall(callId, date, year, month, callerType, reason, stamp);
    }
}
