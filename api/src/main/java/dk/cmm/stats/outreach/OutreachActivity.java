package dk.cmm.stats.outreach;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dk.cmm.stats.codebook.ProgrammeKind;
import dk.cmm.stats.storage.Stamp;
import dk.cmm.stats.storage.Stamped;

/**
 * One patrol, clinic visit, opening day or health session. {@code year}, {@code month} and {@code isoWeek} are
 * derived from the date, and {@code programmeKind} and {@code city} copied from the programme, on write: grouping
 * by them then needs no date arithmetic or join in the aggregation pipelines, on any MongoDB.
 */
@Document(OutreachActivity.COLLECTION)
public record OutreachActivity(
        @Id String activityId,
        LocalDate date,
        int year,
        int month,
        String isoWeek,
        String programme,
        ProgrammeKind programmeKind,
        String city,
        Integer observed,
        Integer observedNew,
        List<OutreachContact> contacts,
        Stamp changed) implements Stamped<OutreachActivity> {

    public static final String COLLECTION = "outreachActivities";

    @Override
    public OutreachActivity withChanged(Stamp stamp) {
        return new OutreachActivity(activityId, date, year, month, isoWeek, programme, programmeKind, city, observed,
                observedNew, contacts, stamp);
    }
}
