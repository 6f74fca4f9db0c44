package dk.cmm.stats.security;

import java.util.Locale;
import java.util.Set;

/**
 * Who may call which GraphQL field, decided by the field's place in the schema rather than by annotations, so that
 * a new mutation or a new way to read persons is closed by default:
 * <ul>
 * <li>every {@code Mutation} field: caseworker, audited as the field's name in capitals
 * ({@code createPerson} → {@code CREATE_PERSON});</li>
 * <li>every {@code Query} field that returns person records ({@code Person}, a list or connection of them):
 * caseworker, audited as {@code LIST_PERSONS} or {@code READ_PERSON};</li>
 * <li>token management fields: admin;</li>
 * <li>everything else (the statistics, codebook, years, schema): anyone. What a caller without a token sees of the
 * statistics is decided by {@code disclosure.PublicStatistics}, not here: this class handles roles only.</li>
 * </ul>
 */
public final class FieldPolicy {

    static final Set<String> PERSON_TYPES = Set.of("Person", "PersonConnection", "PersonEdge", "PersonPage");

    private FieldPolicy() {
    }

    /** The rule of a field, from its parent type, name and (unwrapped) result type and whether it is a list. */
    public static Rule rule(String parentType, String field, String resultType, boolean list) {
        if (field.toLowerCase(Locale.ROOT).contains("apitoken")) {
            return new Rule(Role.ADMIN, audit(field));
        }
        if (parentType.equals("Mutation")) {
            return new Rule(Role.CASEWORKER, audit(field));
        }
        if (parentType.equals("Query")) {
            if (PERSON_TYPES.contains(resultType)) {
                boolean many = list || !resultType.equals("Person");
                return new Rule(Role.CASEWORKER, many ? "LIST_PERSONS" : "READ_PERSON");
            }
        }
        return null;
    }

    /** {@code createPerson} → {@code CREATE_PERSON}. */
    static String audit(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /**
     * @param required   the least role that may call the field
     * @param auditAs    the audit action, null for fields that are not audited
     */
    public record Rule(Role required, String auditAs) {
    }
}
