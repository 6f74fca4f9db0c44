package dk.cmm.stats.outreach;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.codebook.ProgrammeKind;
import dk.cmm.stats.storage.Stamp;
import dk.cmm.stats.storage.Stamped;

/** An outreach programme, kept as data: its code labels activities and persons met through it. */
@Document(Programme.COLLECTION)
public record Programme(@Id String code, String nameDa, String nameEn, ProgrammeKind kind, String city,
        String operator, Stamp changed) implements Stamped<Programme> {

    public static final String COLLECTION = "programmes";

    public String name(Lang lang) {
        return lang == Lang.DA ? nameDa : nameEn;
    }

    @Override
    public Programme withChanged(Stamp stamp) {
        return new Programme(code, nameDa, nameEn, kind, city, operator, stamp);
    }
}
