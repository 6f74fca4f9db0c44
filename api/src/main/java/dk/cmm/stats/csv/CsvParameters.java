package dk.cmm.stats.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.util.MultiValueMap;

import dk.cmm.stats.codebook.Lang;

/**
 * The query parameters of a CSV request, read strictly: lists are comma-separated (or the parameter repeated),
 * codes are matched ignoring case, and an unknown parameter or value is refused rather than ignored, so that a
 * typing error never silently yields the numbers of a different question.
 */
final class CsvParameters {

    private final MultiValueMap<String, String> values;

    CsvParameters(MultiValueMap<String, String> values, List<String> allowed) {
        this.values = values;
        Set<String> unknown = new TreeSet<>(values.keySet());
        allowed.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new BadCsvRequestException("Unknown parameter " + String.join(", ", unknown)
                    + "; parameters are: " + String.join(", ", allowed));
        }
    }

    /** The values of a list parameter, or null when it is absent. */
    List<String> strings(String name) {
        List<String> raw = values.get(name);
        if (raw == null) {
            return null;
        }
        List<String> list = new ArrayList<>();
        for (String value : raw) {
            Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).forEach(list::add);
        }
        return list;
    }

    <E extends Enum<E>> List<E> codes(String name, Class<E> type) {
        List<String> raw = strings(name);
        return raw == null ? null : raw.stream().map(value -> code(name, type, value)).toList();
    }

    List<Integer> integers(String name) {
        List<String> raw = strings(name);
        return raw == null ? null : raw.stream().map(value -> integer(name, value)).toList();
    }

    Integer integer(String name) {
        List<String> raw = strings(name);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (raw.size() > 1) {
            throw new BadCsvRequestException("Parameter " + name + " takes one number, got " + raw);
        }
        return integer(name, raw.get(0));
    }

    boolean flag(String name) {
        List<String> raw = strings(name);
        if (raw == null || raw.isEmpty()) {
            return false;
        }
        String value = raw.get(0).toLowerCase(Locale.ROOT);
        if (raw.size() > 1 || !(value.equals("true") || value.equals("false"))) {
            throw new BadCsvRequestException("Parameter " + name + " takes true or false, got " + raw);
        }
        return Boolean.parseBoolean(value);
    }

    /** The language of the labels: {@code lang=da} (the default) or {@code lang=en}. */
    Lang lang() {
        List<Lang> lang = codes("lang", Lang.class);
        if (lang == null || lang.isEmpty()) {
            return Lang.DA;
        }
        if (lang.size() > 1) {
            throw new BadCsvRequestException("Parameter lang takes one language, da or en");
        }
        return lang.get(0);
    }

    private static <E extends Enum<E>> E code(String name, Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadCsvRequestException("Unknown value '" + value + "' for " + name + "; use one of: "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }

    private static Integer integer(String name, String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new BadCsvRequestException("Parameter " + name + " takes whole numbers, got '" + value + "'");
        }
    }
}
