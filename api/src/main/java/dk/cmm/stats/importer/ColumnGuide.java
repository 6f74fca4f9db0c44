package dk.cmm.stats.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dk.cmm.stats.codebook.CodeList;
import dk.cmm.stats.codebook.Lang;

/**
 * What each column of an import file holds, for the workbooks that guide staff (template and dump): its type (and
 * so its cell format and dropdown), whether it is required, its bounds, and a sentence in Danish and English
 * (importer/columns_*.properties). The rules themselves are the validators'; this only tells them.
 */
public final class ColumnGuide {

    /** How a column's cells are written and offered. */
    public enum Type {
        TEXT, WHOLE_NUMBER, DATE, YES_NO, CODE, CODES, COUNTRY
    }

    /** One column: a field, its type, the code list of a coded column, required or not, and whole-number bounds. */
    public record Column(String field, Type type, CodeList codes, boolean required, Integer min, Integer max) {
    }

    private static final Map<Lang, Properties> TEXTS = load();

    private ColumnGuide() {
    }

    /** The columns of a kind, in file column order ({@link RecordKind#csvColumns()}). */
    public static List<Column> of(RecordKind kind) {
        int nextYear = Year.now().getValue() + 1;
        return switch (kind) {
            case PERSONS -> List.of(text("caseRef", true), number("assessmentYear", true, 1990, nextYear),
                    date("assessmentDate", false), code("assessedBy", CodeList.ASSESSED_BY, false),
                    code("contactChannel", CodeList.CONTACT_CHANNEL, false), text("contactProgramme", false),
                    country("nationality"), code("gender", CodeList.GENDER, false),
                    number("ageAtIdentification", false, 0, 100), code("ageGroup", CodeList.AGE_GROUP, false),
                    code("exploitation", CodeList.EXPLOITATION, false),
                    code("labourSector", CodeList.LABOUR_SECTOR, false), code("status", CodeList.STATUS, false),
                    number("outcomeYear", false, 1990, nextYear), number("stayDays", false, 0, 3650),
                    code("accommodation", CodeList.ACCOMMODATION, false), yesNo("returnSupportEquivalentToIom"));
            case ACTIVITIES -> List.of(text("activityId", true), date("date", true), text("programme", true),
                    number("observed", false, 0, 100_000), number("observedNew", false, 0, 100_000),
                    text("pseudonym", false), country("nationality"), yesNo("newPerson"), yesNo("healthServiceUsed"),
                    new Column("referrals", Type.CODES, CodeList.REFERRAL, false, null, null));
            case HOTLINE -> List.of(text("callId", true), date("date", true),
                    code("callerType", CodeList.CALLER_TYPE, true), code("reason", CodeList.CALL_REASON, true));
            case PROGRAMMES -> List.of(text("code", true), text("nameDa", true), text("nameEn", true),
                    code("kind", CodeList.PROGRAMME_KIND, true), text("city", false), text("operator", false));
            case YEAR_NOTES -> List.of(number("year", true, 1990, nextYear),
                    number("contactsEstimateMin", false, 0, 10_000_000),
                    number("contactsEstimateMax", false, 0, 10_000_000), date("cutOffDate", false),
                    yesNo("reconstructed"), text("noteDa", false), text("noteEn", false));
        };
    }

    /** What the column means, in the language (the header cell's comment says this and whether it is required). */
    public static String description(RecordKind kind, Column column, Lang lang) {
        String text = TEXTS.get(lang).getProperty(kind.optionName() + "." + column.field());
        if (text == null) {
            throw new IllegalStateException("no " + lang + " description of " + kind.optionName() + "."
                    + column.field() + " in importer/columns_" + lang.tag() + ".properties");
        }
        return text;
    }

    /** A word or sentence of the workbooks, in the language ({@code required}, {@code yes}, {@code codesSheet} …). */
    public static String word(String key, Lang lang) {
        String text = TEXTS.get(lang).getProperty("workbook." + key);
        if (text == null) {
            throw new IllegalStateException("no " + lang + " text workbook." + key);
        }
        return text;
    }

    /** Every key of a language's texts, for checking that both languages hold the same. */
    static java.util.Set<String> keys(Lang lang) {
        return new java.util.TreeSet<>(TEXTS.get(lang).stringPropertyNames());
    }

    private static Column text(String field, boolean required) {
        return new Column(field, Type.TEXT, null, required, null, null);
    }

    private static Column number(String field, boolean required, int min, int max) {
        return new Column(field, Type.WHOLE_NUMBER, null, required, min, max);
    }

    private static Column date(String field, boolean required) {
        return new Column(field, Type.DATE, null, required, null, null);
    }

    private static Column code(String field, CodeList codes, boolean required) {
        return new Column(field, Type.CODE, codes, required, null, null);
    }

    private static Column country(String field) {
        return new Column(field, Type.COUNTRY, null, false, null, null);
    }

    private static Column yesNo(String field) {
        return new Column(field, Type.YES_NO, null, false, null, null);
    }

    private static Map<Lang, Properties> load() {
        Map<Lang, Properties> texts = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            String resource = "importer/columns_" + lang.tag() + ".properties";
            Properties properties = new Properties();
            try (InputStream in = ColumnGuide.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + resource);
                }
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
            texts.put(lang, properties);
        }
        return texts;
    }
}
