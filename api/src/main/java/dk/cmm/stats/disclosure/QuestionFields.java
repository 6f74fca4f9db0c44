package dk.cmm.stats.disclosure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dk.cmm.stats.stats.HotlineDimension;
import dk.cmm.stats.stats.HotlineFilter;
import dk.cmm.stats.stats.PersonDimension;
import dk.cmm.stats.stats.PersonFilter;

/** A filter as dimension → codes (only the dimensions it restricts), the terms releases answer in. */
final class QuestionFields {

    private QuestionFields() {
    }

    static Map<String, Set<String>> persons(PersonFilter f) {
        Map<String, Set<String>> s = new LinkedHashMap<>();
        put(s, PersonDimension.ASSESSMENT_YEAR, f.assessmentYears());
        put(s, PersonDimension.ASSESSED_BY, f.assessedBy());
        put(s, PersonDimension.CONTACT_CHANNEL, f.contactChannel());
        put(s, PersonDimension.CONTACT_PROGRAMME, f.contactProgramme());
        put(s, PersonDimension.NATIONALITY, f.nationality());
        put(s, PersonDimension.REGION, f.region());
        put(s, PersonDimension.GENDER, f.gender());
        put(s, PersonDimension.EXPLOITATION, f.exploitation());
        put(s, PersonDimension.LABOUR_SECTOR, f.labourSector());
        put(s, PersonDimension.STATUS, f.status());
        put(s, PersonDimension.OUTCOME_YEAR, f.outcomeYears());
        put(s, PersonDimension.ACCOMMODATION, f.accommodation());
        return s;
    }

    static Map<String, Set<String>> hotline(HotlineFilter f) {
        Map<String, Set<String>> s = new LinkedHashMap<>();
        put(s, HotlineDimension.YEAR, f.years());
        put(s, HotlineDimension.CALLER_TYPE, f.callerType());
        put(s, HotlineDimension.REASON, f.reason());
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

    private static void put(Map<String, Set<String>> selections, Enum<?> dimension, List<?> values) {
        if (values != null && !values.isEmpty()) {
            selections.put(dimension.name(), values.stream().map(v -> v instanceof Enum<?> e ? e.name()
                    : String.valueOf(v)).collect(Collectors.toSet()));
        }
    }
}
