package dk.cmm.stats.yearnote;

import java.time.Year;
import java.util.List;
import java.util.Map;

import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.validation.RawRecord;

/** The rules for a year note: a sensible year and a contact estimate whose minimum is not above its maximum. */
public final class YearNoteValidator {

    public static final List<String> FIELDS = List.of("year", "contactsEstimateMin", "contactsEstimateMax",
            "cutOffDate", "reconstructed", "noteDa", "noteEn");

    static final int MAX_NOTE_LENGTH = 2000;

    private final Codebook codebook;

    public YearNoteValidator(Codebook codebook) {
        this.codebook = codebook;
    }

    public YearNote validate(Map<String, ?> fields) {
        RawRecord in = new RawRecord(fields, codebook);
        in.rejectUnknownFields(FIELDS);
        Integer year = in.requiredInteger("year", 1990, Year.now().getValue() + 1);
        Integer min = in.integer("contactsEstimateMin", 0, 10_000_000);
        Integer max = in.integer("contactsEstimateMax", 0, 10_000_000);
        if (min != null && max != null && min > max) {
            in.reject("contactsEstimateMin", min.toString(), "is above contactsEstimateMax (" + max + ")");
        }
        String noteDa = in.text("noteDa").orElse(null);
        String noteEn = in.text("noteEn").orElse(null);
        for (String field : List.of("noteDa", "noteEn")) {
            in.text(field).filter(note -> note.length() > MAX_NOTE_LENGTH)
                    .ifPresent(note -> in.reject(field, note.substring(0, 40) + "…",
                            "is longer than " + MAX_NOTE_LENGTH + " characters"));
        }
        YearNote note = new YearNote(year == null ? 0 : year, min, max, in.date("cutOffDate"),
                Boolean.TRUE.equals(in.bool("reconstructed")), noteDa, noteEn, null);
        in.throwIfInvalid();
        return note;
    }
}
