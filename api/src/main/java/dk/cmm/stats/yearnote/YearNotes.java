package dk.cmm.stats.yearnote;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The year notes as they are kept, read by year. */
@Component
public class YearNotes {

    private final MongoTemplate mongo;

    YearNotes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The note of the year, or null when the year has none. */
    public YearNote of(int year) {
        return mongo.findById(year, YearNote.class);
    }
}
