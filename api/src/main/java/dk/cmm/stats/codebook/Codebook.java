package dk.cmm.stats.codebook;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Every code with its Danish and English label, and every country with its region: the one codebook that the API,
 * the importer and the report all read. Immutable; load it once with {@link #standard()}.
 */
public final class Codebook {

    /** The code an absent attribute is grouped under (older records carry only what was published). */
    public static final String UNKNOWN = "UNKNOWN";

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final Codebook STANDARD = load();

    private final Map<Lang, Properties> labels;
    private final Map<String, Country> countries;
    /** Lookup tables for parsing, built once: the importer parses every code of every row. */
    private final Map<Class<?>, Map<String, Enum<?>>> codesByName = new ConcurrentHashMap<>();
    private final Map<String, Country> countriesByName;

    private Codebook(Map<Lang, Properties> labels, Map<String, Country> countries) {
        this.labels = labels;
        this.countries = countries;
        Map<String, Country> byName = new HashMap<>();
        for (Country country : countries.values()) {
            byName.putIfAbsent(normalise(country.nameDa()), country);
            byName.putIfAbsent(normalise(country.nameEn()), country);
        }
        this.countriesByName = Map.copyOf(byName);
    }

    public static Codebook standard() {
        return STANDARD;
    }

    public String label(Enum<?> code, Lang lang) {
        return label(CodeList.of(code.getDeclaringClass()), code.name(), lang);
    }

    /** The label of a code of a code list; {@link #UNKNOWN} gets the "not available" label. */
    public String label(CodeList list, String code, Lang lang) {
        if (UNKNOWN.equals(code)) {
            return unknownLabel(lang);
        }
        String label = labels.get(lang).getProperty(list.type().getSimpleName() + "." + code);
        if (label == null) {
            throw new IllegalArgumentException("no " + lang + " label for " + list + " code " + code);
        }
        return label;
    }

    public String unknownLabel(Lang lang) {
        return labels.get(lang).getProperty(UNKNOWN);
    }

    /** The name of a grouping dimension (e.g. GENDER, CALLER_TYPE) as a column or axis heading. */
    public String dimensionLabel(String dimension, Lang lang) {
        String label = labels.get(lang).getProperty("dimension." + dimension);
        return label != null ? label : dimension;
    }

    /**
     * Reads a code given as its code or as its Danish or English label, ignoring case and surrounding space, so that
     * staff can type "Kvinder", "women" or "FEMALE" alike.
     */
    public <E extends Enum<E>> Optional<E> parse(Class<E> type, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(type.cast(codesByName.computeIfAbsent(type, this::namesOf).get(normalise(raw))));
    }

    /** Every code of an enum under its normalised code, Danish label and English label (the code wins a tie). */
    private Map<String, Enum<?>> namesOf(Class<?> type) {
        Map<String, Enum<?>> names = new HashMap<>();
        CodeList list = CodeList.of(type);
        for (Object constant : type.getEnumConstants()) {
            Enum<?> code = (Enum<?>) constant;
            names.putIfAbsent(normalise(label(list, code.name(), Lang.EN)), code);
            names.putIfAbsent(normalise(label(list, code.name(), Lang.DA)), code);
        }
        for (Object constant : type.getEnumConstants()) {
            names.put(normalise(((Enum<?>) constant).name()), (Enum<?>) constant);
        }
        return Map.copyOf(names);
    }

    public Optional<Country> country(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(countries.get(code.toUpperCase(Locale.ROOT)));
    }

    /** Reads a country given as its ISO code or its Danish or English name, ignoring case. */
    public Optional<Country> parseCountry(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        Optional<Country> byCode = country(raw.trim());
        if (byCode.isPresent()) {
            return byCode;
        }
        return Optional.ofNullable(countriesByName.get(normalise(raw)));
    }

    /** Every country, sorted by code. */
    public List<Country> countries() {
        return List.copyOf(countries.values());
    }

    /** The keys of one language's label file, for checking that both languages hold the same keys. */
    public Set<String> labelKeys(Lang lang) {
        return Collections.unmodifiableSet(new TreeSet<>(labels.get(lang).stringPropertyNames()));
    }

    private static String normalise(String text) {
        return SPACES.matcher(text.trim().toLowerCase(Locale.ROOT).replace('_', ' ')).replaceAll(" ");
    }

    private static Codebook load() {
        Map<Lang, Properties> labels = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            labels.put(lang, readProperties("codebook/labels_" + lang.tag() + ".properties"));
        }
        return new Codebook(labels, readCountries());
    }

    private static Properties readProperties(String resource) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(open(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return properties;
    }

    private static Map<String, Country> readCountries() {
        Map<String, Country> countries = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setCommentMarker('#').get();
        try (Reader reader = new InputStreamReader(open("codebook/countries.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(reader)) {
                Country country = new Country(row.get("code"), Region.valueOf(row.get("region")),
                        row.get("nameDa"), row.get("nameEn"));
                countries.put(country.code(), country);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read codebook/countries.csv", e);
        }
        return Collections.unmodifiableMap(countries);
    }

    private static InputStream open(String resource) {
        InputStream in = Codebook.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing codebook resource " + resource);
        }
        return in;
    }
}
