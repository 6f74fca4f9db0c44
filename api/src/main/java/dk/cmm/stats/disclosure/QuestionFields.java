package dk.cmm.stats.disclosure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dk.cmm.stats.stats.FilterField;
import dk.cmm.stats.stats.HotlineFilter;
import dk.cmm.stats.stats.PersonDimension;
import dk.cmm.stats.stats.PersonFilter;

/**
 * A filter as dimension → codes (only the dimensions it restricts), the terms releases answer in: read from
 * {@link FilterField}'s table, not listed again here.
 */
final class QuestionFields {

    private QuestionFields() {
    }

    static Map<String, Set<String>> persons(PersonFilter f) {
        return selections(FilterField.PERSON, f);
    }

    static Map<String, Set<String>> hotline(HotlineFilter f) {
        return selections(FilterField.HOTLINE, f);
    }

    /**
     * The listed codes of every {@link FilterField.Match#ANY_OF} field the filter sets, by its dimension, in the
     * table's order (the bounds, yearFrom/yearTo and the ages, are not codes: the callers read them on their own).
     */
    private static <F> Map<String, Set<String>> selections(List<FilterField<F>> table, F filter) {
        Map<String, Set<String>> s = new LinkedHashMap<>();
        for (FilterField<F> field : table) {
            if (field.match() == FilterField.Match.ANY_OF && field.dimension() != null && field.isSet(filter)) {
                s.put(field.dimension().name(), field.values(filter).stream().map(String::valueOf)
                        .collect(Collectors.toSet()));
            }
        }
        return s;
    }

    /** The dimension of the leaves a group dimension groups (REGION → NATIONALITY, ...), or null. */
    static String leafDimensionOf(String groupDimension) {
        return switch (groupDimension) {
            case "REGION" -> PersonDimension.NATIONALITY.name();
            case "EXPLOITATION" -> PersonDimension.LABOUR_SECTOR.name();
            case "CONTACT_CHANNEL" -> PersonDimension.CONTACT_PROGRAMME.name();
            default -> null;
        };
    }

    /** The axis a dimension counts as: nested dimensions count once, under their leaves' name. */
    static String axisOf(String dimension) {
        String leaves = leafDimensionOf(dimension);
        return leaves == null ? dimension : leaves;
    }
}
