package dk.cmm.stats.validation;

/**
 * One problem with one field of a record: what the importer prints as {@code field 'x': value 'y' is not …} and the
 * GraphQL API returns with {@code extensions.field} and {@code extensions.value}.
 */
public record Violation(String field, String value, String problem) {

    public String message() {
        return value == null
                ? "field '" + field + "': " + problem
                : "field '" + field + "': value '" + value + "' " + problem;
    }

    @Override
    public String toString() {
        return message();
    }
}
