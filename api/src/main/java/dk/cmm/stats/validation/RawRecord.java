package dk.cmm.stats.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dk.cmm.stats.codebook.Codebook;

/**
 * A record as it came in (a CSV row, a JSON line, a GraphQL input): field name to raw value. Typed getters read
 * one field each and note a {@link Violation} instead of throwing, so that one pass reports every problem of a
 * record. Validators read a RawRecord and call {@link #throwIfInvalid()} at the end.
 */
public final class RawRecord {

    private final Map<String, ?> fields;
    private final Codebook codebook;
    private final List<Violation> violations = new ArrayList<>();

    public RawRecord(Map<String, ?> fields, Codebook codebook) {
        this.fields = fields;
        this.codebook = codebook;
    }

    public Codebook codebook() {
        return codebook;
    }

    /** The raw text of a field; blank counts as absent. */
    public Optional<String> text(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    public String requiredText(String field) {
        Optional<String> text = text(field);
        if (text.isEmpty()) {
            reject(field, null, "is required");
            return null;
        }
        return text.get();
    }

    public Integer integer(String field, int min, int max) {
        return text(field).map(raw -> {
            try {
                int value = Integer.parseInt(raw.endsWith(".0") ? raw.substring(0, raw.length() - 2) : raw);
                if (value < min || value > max) {
                    reject(field, raw, "is not between " + min + " and " + max);
                    return null;
                }
                return value;
            } catch (NumberFormatException e) {
                reject(field, raw, "is not a whole number");
                return null;
            }
        }).orElse(null);
    }

    public Integer requiredInteger(String field, int min, int max) {
        if (text(field).isEmpty()) {
            reject(field, null, "is required");
            return null;
        }
        return integer(field, min, max);
    }

    public Boolean bool(String field) {
        return text(field).map(raw -> switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "ja", "1" -> Boolean.TRUE;
            case "false", "no", "nej", "0" -> Boolean.FALSE;
            default -> {
                reject(field, raw, "is not true/false (ja/nej)");
                yield null;
            }
        }).orElse(null);
    }

    /**
     * A date as {@code YYYY-MM-DD}, or as Danish Excel writes it, {@code DD-MM-YYYY} or {@code DD.MM.YYYY} (a sheet
     * whose dates Excel has reformatted still imports).
     */
    public java.time.LocalDate date(String field) {
        return text(field).map(raw -> {
            for (java.time.format.DateTimeFormatter format : DATE_FORMATS) {
                try {
                    return java.time.LocalDate.parse(raw, format);
                } catch (java.time.format.DateTimeParseException e) {
                    // try the next form
                }
            }
            reject(field, raw, "is not a date of the form YYYY-MM-DD (or DD-MM-YYYY)");
            return null;
        }).orElse(null);
    }

    private static final List<java.time.format.DateTimeFormatter> DATE_FORMATS = List.of(
            java.time.format.DateTimeFormatter.ISO_LOCAL_DATE,
            java.time.format.DateTimeFormatter.ofPattern("d-M-uuuu")
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT),
            java.time.format.DateTimeFormatter.ofPattern("d.M.uuuu")
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT));

    /** A code of an enum code list, given as code or Danish/English label. */
    public <E extends Enum<E>> E code(String field, Class<E> type) {
        return parsed(field, raw -> codebook.parse(type, raw),
                "is not a " + type.getSimpleName() + " code (one of " + String.join(", ",
                        java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ")");
    }

    public <E extends Enum<E>> E requiredCode(String field, Class<E> type) {
        if (text(field).isEmpty()) {
            reject(field, null, "is required");
            return null;
        }
        return code(field, type);
    }

    /** An ISO 3166-1 alpha-2 country code, or a country's Danish or English name; returns the code. */
    public String country(String field) {
        return parsed(field, raw -> codebook.parseCountry(raw).map(c -> c.code()),
                "is not an ISO 3166-1 alpha-2 country code");
    }

    private <T> T parsed(String field, Function<String, Optional<T>> parser, String problem) {
        return text(field).map(raw -> {
            Optional<T> value = parser.apply(raw);
            if (value.isEmpty()) {
                reject(field, raw, problem);
            }
            return value.orElse(null);
        }).orElse(null);
    }

    /** Refuses fields the record type does not have, so that a misspelt CSV column is not silently dropped. */
    public void rejectUnknownFields(java.util.Collection<String> known) {
        fields.keySet().stream().filter(name -> !known.contains(name)).sorted()
                .filter(name -> text(name).isPresent())
                .forEach(name -> reject(name, null, "is not a known field (known: " + String.join(", ", known) + ")"));
    }

    public void reject(String field, String value, String problem) {
        violations.add(new Violation(field, value, problem));
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }
}
