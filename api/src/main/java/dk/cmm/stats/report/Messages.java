package dk.cmm.stats.report;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.cmm.stats.codebook.Lang;

/**
 * The report's words in one language, from {@code messages/report_<lang>.properties} of the templates folder
 * (UTF-8): headings and labels for the templates, and sentences with named placeholders, {@code {total}}, that the
 * narrative fills with the year's numbers. Editing the wording needs no Java.
 */
final class Messages {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private final Lang lang;
    private final Map<String, String> texts;

    Messages(Lang lang, Map<String, String> texts) {
        this.lang = lang;
        this.texts = Collections.unmodifiableMap(new TreeMap<>(texts));
    }

    static Messages load(TemplateSource source, Lang lang) {
        String name = bundleName(lang);
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(source.read(name), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new ReportException("Cannot read " + name + ": " + e.getMessage());
        }
        Map<String, String> texts = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
        return new Messages(lang, texts);
    }

    static String bundleName(Lang lang) {
        return "messages/report_" + lang.tag() + ".properties";
    }

    Lang lang() {
        return lang;
    }

    /** Every text, for the templates ({@code t["section.contacts"]}). */
    Map<String, String> all() {
        return texts;
    }

    boolean has(String key) {
        return texts.containsKey(key);
    }

    String get(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new ReportException("The message bundle " + bundleName(lang) + " has no key " + key);
        }
        return text;
    }

    /** The text of a key with its {placeholders} filled in; a placeholder without a value is an error. */
    String format(String key, Object... namesAndValues) {
        Map<String, String> values = new TreeMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], String.valueOf(namesAndValues[i + 1]));
        }
        Matcher m = PLACEHOLDER.matcher(get(key));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new ReportException("No value for {" + m.group(1) + "} in " + key + " of " + bundleName(lang));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** "1 person" / "17 personer": the count with the singular or plural of {@code word.<noun>.one|other}. */
    String count(int n, String noun, Formats formats) {
        return formats.integer(n) + " " + get("word." + noun + (n == 1 ? ".one" : ".other"));
    }

    /** "a, b og c" / "a, b and c". */
    String list(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(get("list.separator"), items.subList(0, items.size() - 1)) + get("list.and")
                + items.get(items.size() - 1);
    }

    /** A share in words, e.g. "knap halvdelen" / "just under half". */
    String proportion(Proportion p) {
        if (has(p.specialKey())) {
            return get(p.specialKey());
        }
        String fraction = get("proportion." + p.fraction());
        return p.qualifier() == Proportion.Qualifier.PLAIN ? fraction
                : format("proportion.qualifier." + p.qualifier(), "fraction", fraction);
    }

    /** The text with its first letter in capitals, for words that begin a sentence. */
    String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(lang.locale()) + text.substring(1);
    }

    String lower(String text) {
        return text.toLowerCase(lang.locale());
    }

    Locale locale() {
        return lang.locale();
    }
}
