package dk.cmm.stats.outreach;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dk.cmm.stats.storage.Stamp;
import dk.cmm.stats.storage.Stamped;

/**
 * One patrol, clinic visit, opening day or health session. {@code year}, {@code month} and {@code isoWeek} are
 * derived from the date on write: grouping by them then needs no date arithmetic in the aggregation pipelines, on
 * any MongoDB. The programme's kind and city are not kept here: they are the programme record's, read through
 * {@code programme} as the record has them now (activities written before this held copies, {@code programmeKind}
 * and {@code city}; they are left in the stored documents and never read).
 */
@Document(OutreachActivity.COLLECTION)
public record OutreachActivity(
        @Id String activityId,
        LocalDate date,
        int year,
        int month,
        String isoWeek,
        String programme,
        Integer observed,
        Integer observedNew,
        List<OutreachContact> contacts,
        Stamp changed) implements Stamped<OutreachActivity> {

    public static final String COLLECTION = "outreachActivities";

    @Override
    public OutreachActivity withChanged(Stamp stamp) {
        return new OutreachActivity(activityId, date, year, month, isoWeek, programme, observed, observedNew, contacts,
                stamp);
    }
}
