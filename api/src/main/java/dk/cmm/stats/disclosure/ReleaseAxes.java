package dk.cmm.stats.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.cmm.stats.codebook.AgeGroup;
import dk.cmm.stats.codebook.Accommodation;
import dk.cmm.stats.codebook.AssessedBy;
import dk.cmm.stats.codebook.CallReason;
import dk.cmm.stats.codebook.CallerType;
import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.codebook.ContactChannel;
import dk.cmm.stats.codebook.Exploitation;
import dk.cmm.stats.codebook.Gender;
import dk.cmm.stats.codebook.LabourSector;
import dk.cmm.stats.codebook.Region;
import dk.cmm.stats.codebook.Status;
import dk.cmm.stats.hotline.HotlineCall;
import dk.cmm.stats.person.Person;

/**
 * The axes of a subject's published tables, and how a stored record falls into their leaves. Every axis lists all
 * the codes it can take, from the codebook (plus UNKNOWN), not only those the year's records hold: a code that
 * appears in a table would otherwise prove that somebody has it. Nested dimensions are one axis with groups:
 * REGION groups NATIONALITY, EXPLOITATION groups LABOUR_SECTOR, CONTACT_CHANNEL groups CONTACT_PROGRAMME.
 *
 * <p>Nationality is redesigned as statistics offices do with rare values: only the countries named in
 * {@code cmm.disclosure.named-countries} are leaves of their own; every other country is counted in "other countries"
 * of its region ({@code OTHER_AFRICA}, ...). The list is configuration, never chosen from the data, so that a
 * country's absence from it says nothing about its count.
 */
final class ReleaseAxes {

    /** The code of "other countries" of a region. */
    static String otherCountries(Region region) {
        return "OTHER_" + region.name();
    }

    /** One axis: its name (the dimension of its leaves), the group dimension, and the stored fields it reads. */
    record AxisDefinition(String name, String groupDimension, String field, String groupField) {
    }

    private final String collection;
    private final String yearField;
    private final List<AxisDefinition> definitions;
    private final List<Axis> axes;
    private final Set<String> namedCountries;

    private ReleaseAxes(String collection, String yearField, List<AxisDefinition> definitions, List<Axis> axes,
            Set<String> namedCountries) {
        this.collection = collection;
        this.yearField = yearField;
        this.definitions = List.copyOf(definitions);
        this.axes = List.copyOf(axes);
        this.namedCountries = namedCountries;
    }

    static ReleaseAxes persons(Codebook codebook, List<String> programmes, List<String> outcomeYears,
            Set<String> namedCountries) {
        List<AxisDefinition> definitions = new ArrayList<>();
        List<Axis> axes = new ArrayList<>();
        add(definitions, axes, flat("ASSESSED_BY", "assessedBy", codes(AssessedBy.class)));
        Map<String, String> contact = new LinkedHashMap<>();
        List<List<String>> contactPairs = new ArrayList<>();
        for (String channel : codes(ContactChannel.class)) {
            contactPairs.add(List.of(channel, Codebook.UNKNOWN));
            if (channel.equals(ContactChannel.OUTREACH.name())) {
                programmes.forEach(p -> contactPairs.add(List.of(channel, p)));
            }
        }
        definitions.add(new AxisDefinition("CONTACT_PROGRAMME", "CONTACT_CHANNEL", "contactProgramme",
                "contactChannel"));
        axes.add(Axis.groupedPairs("CONTACT_PROGRAMME", contactPairs));
        List<List<String>> nationalityPairs = new ArrayList<>();
        for (Region region : Region.values()) {
            codebook.countries().stream().filter(c -> c.region() == region && namedCountries.contains(c.code()))
                    .forEach(c -> nationalityPairs.add(List.of(region.name(), c.code())));
            nationalityPairs.add(List.of(region.name(), otherCountries(region)));
        }
        nationalityPairs.add(List.of(Codebook.UNKNOWN, Codebook.UNKNOWN));
        definitions.add(new AxisDefinition("NATIONALITY", "REGION", "nationality", "region"));
        axes.add(Axis.groupedPairs("NATIONALITY", nationalityPairs));
        add(definitions, axes, flat("GENDER", "gender", codes(Gender.class)));
        add(definitions, axes, flat("AGE_GROUP", "ageGroup", codes(AgeGroup.class)));
        List<List<String>> labourPairs = new ArrayList<>();
        for (String exploitation : codes(Exploitation.class)) {
            labourPairs.add(List.of(exploitation, Codebook.UNKNOWN));
            if (exploitation.equals(Exploitation.FORCED_LABOUR.name())) {
                for (LabourSector sector : LabourSector.values()) {
                    labourPairs.add(List.of(exploitation, sector.name()));
                }
            }
        }
        definitions.add(new AxisDefinition("LABOUR_SECTOR", "EXPLOITATION", "labourSector", "exploitation"));
        axes.add(Axis.groupedPairs("LABOUR_SECTOR", labourPairs));
        add(definitions, axes, flat("STATUS", "status", codes(Status.class)));
        List<String> outcome = new ArrayList<>(outcomeYears);
        outcome.add(Codebook.UNKNOWN);
        add(definitions, axes, flat("OUTCOME_YEAR", "outcomeYear", outcome));
        add(definitions, axes, flat("ACCOMMODATION", "accommodation", codes(Accommodation.class)));
        return new ReleaseAxes(Person.COLLECTION, "assessmentYear", definitions, axes, namedCountries);
    }

    static ReleaseAxes hotline() {
        List<AxisDefinition> definitions = new ArrayList<>();
        List<Axis> axes = new ArrayList<>();
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(String.valueOf(m));
        }
        months.add(Codebook.UNKNOWN);
        add(definitions, axes, flat("MONTH", "month", months));
        add(definitions, axes, flat("CALLER_TYPE", "callerType", codes(CallerType.class)));
        add(definitions, axes, flat("REASON", "reason", codes(CallReason.class)));
        return new ReleaseAxes(HotlineCall.COLLECTION, "year", definitions, axes, Set.of());
    }

    private record Flat(AxisDefinition definition, Axis axis) {
    }

    private static Flat flat(String name, String field, List<String> codes) {
        return new Flat(new AxisDefinition(name, null, field, null), Axis.flat(name, codes));
    }

    private static void add(List<AxisDefinition> definitions, List<Axis> axes, Flat flat) {
        definitions.add(flat.definition());
        axes.add(flat.axis());
    }

    private static List<String> codes(Class<? extends Enum<?>> type) {
        List<String> codes = new ArrayList<>();
        for (Enum<?> constant : type.getEnumConstants()) {
            codes.add(constant.name());
        }
        codes.add(Codebook.UNKNOWN);
        return codes;
    }

    String collection() {
        return collection;
    }

    String yearField() {
        return yearField;
    }

    List<Axis> axes() {
        return axes;
    }

    List<AxisDefinition> definitions() {
        return definitions;
    }

    /** The stored fields a record's leaves are read from, in order: each axis's field, then its group field. */
    List<String> fields() {
        List<String> fields = new ArrayList<>();
        for (AxisDefinition definition : definitions) {
            fields.add(definition.field());
            if (definition.groupField() != null) {
                fields.add(definition.groupField());
            }
        }
        return fields;
    }

    /**
     * The leaf node index of each axis for one combination of stored values (in {@link #fields()} order), or null
     * when a value has no leaf (a code outside the codebook).
     */
    int[] leavesOf(List<String> values) {
        int[] leaves = new int[axes.size()];
        int v = 0;
        for (int a = 0; a < axes.size(); a++) {
            AxisDefinition definition = definitions.get(a);
            String code = values.get(v++);
            String leaf;
            if (definition.groupField() == null) {
                leaf = code;
            } else {
                String group = values.get(v++);
                if (definition.name().equals("NATIONALITY") && !Codebook.UNKNOWN.equals(code)
                        && !namedCountries.contains(code) && !Codebook.UNKNOWN.equals(group)) {
                    code = otherCountries(Region.valueOf(group));
                }
                leaf = Axis.leafId(group, code);
            }
            int node = axes.get(a).indexOf(leaf);
            if (node < 0 || !axes.get(a).isLeaf(node)) {
                return null;
            }
            leaves[a] = node;
        }
        return leaves;
    }

    /** The axis carrying a dimension (its leaves' or its groups'), or -1. */
    int axisOf(String dimension) {
        for (int a = 0; a < definitions.size(); a++) {
            if (definitions.get(a).name().equals(dimension) || dimension.equals(definitions.get(a).groupDimension())) {
                return a;
            }
        }
        return -1;
    }

    /** Whether a dimension names the groups of its axis (REGION, EXPLOITATION, CONTACT_CHANNEL). */
    boolean isGroupDimension(String dimension) {
        int a = axisOf(dimension);
        return a >= 0 && dimension.equals(definitions.get(a).groupDimension());
    }
}
