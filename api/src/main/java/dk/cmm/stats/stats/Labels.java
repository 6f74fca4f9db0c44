package dk.cmm.stats.stats;

import java.time.Month;
import java.time.format.TextStyle;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.outreach.Programme;

/**
 * The label of any group key code in Danish or English: code lists and countries from the codebook, programmes from
 * their records, month names from the locale; years and cities are their own labels.
 */
@Component
public class Labels {

    private final Codebook codebook;
    private final MongoTemplate mongo;

    public Labels(Codebook codebook, MongoTemplate mongo) {
        this.codebook = codebook;
        this.mongo = mongo;
    }

    public String label(GroupKey key, Lang lang) {
        return label(key.dimension(), key.code(), lang);
    }

    public String label(String dimension, String code, Lang lang) {
        if (Codebook.UNKNOWN.equals(code)) {
            return codebook.unknownLabel(lang);
        }
        for (Class<? extends Enum<? extends Dimension>> type : java.util.List.of(PersonDimension.class,
                HotlineDimension.class, OutreachDimension.class)) {
            for (Enum<? extends Dimension> constant : type.getEnumConstants()) {
                Dimension d = (Dimension) constant;
                if (d.name().equals(dimension) && d.codeList() != null) {
                    return codebook.label(d.codeList(), code, lang);
                }
            }
        }
        return switch (dimension) {
            case "NATIONALITY" -> code.startsWith(OTHER_COUNTRIES) ? otherCountries(code, lang)
                    : codebook.country(code).map(c -> c.name(lang)).orElse(code);
            case "CONTACT_PROGRAMME", "PROGRAMME" -> {
                Programme programme = mongo.findById(code, Programme.class);
                yield programme == null ? code : programme.name(lang);
            }
            case "MONTH" -> Month.of(Integer.parseInt(code)).getDisplayName(TextStyle.FULL_STANDALONE, lang.locale());
            default -> code;
        };
    }

    /** The code disclosure control gives the countries of a region it does not publish one by one. */
    private static final String OTHER_COUNTRIES = "OTHER_";

    private String otherCountries(String code, Lang lang) {
        String region = code.substring(OTHER_COUNTRIES.length());
        String name = codebook.label(dk.cmm.stats.codebook.CodeList.REGION, region, lang);
        return (lang == Lang.DA ? "Øvrige lande i " : "Other countries in ") + name;
    }

    public String dimensionLabel(String dimension, Lang lang) {
        return codebook.dimensionLabel(dimension, lang);
    }

}
