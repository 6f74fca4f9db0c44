package dk.cmm.stats.yearnote;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.storage.Stamp;
import dk.cmm.stats.storage.Stamped;

/**
 * Editorial facts of one year that no record carries: the estimated number of contacts (a range), the report's
 * cut-off date, whether the year's records are a reconstruction, and a note in each language.
 */
@Document(YearNote.COLLECTION)
public record YearNote(@Id int year, Integer contactsEstimateMin, Integer contactsEstimateMax, LocalDate cutOffDate,
        boolean reconstructed, String noteDa, String noteEn, Stamp changed) implements Stamped<YearNote> {

    public static final String COLLECTION = "yearNotes";

    public String note(Lang lang) {
        return lang == Lang.DA ? noteDa : noteEn;
    }

    @Override
    public YearNote withChanged(Stamp stamp) {
        return new YearNote(year, contactsEstimateMin, contactsEstimateMax, cutOffDate, reconstructed, noteDa, noteEn,
                stamp);
    }
}
