package dk.cmm.stats.disclosure;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.cmm.stats.hotline.HotlineCall;
import dk.cmm.stats.person.Person;
import dk.cmm.stats.stats.HotlineDimension;
import dk.cmm.stats.stats.PersonDimension;

/**
 * The collections whose counts the anonymous API publishes, and the axes of their protected tables. Dimensions that
 * nest are one axis with groups: REGION groups NATIONALITY, EXPLOITATION groups LABOUR_SECTOR, CONTACT_CHANNEL groups
 * CONTACT_PROGRAMME (a leaf is the pair, e.g. FORCED_LABOUR/CLEANING). So a region's count and its nationalities'
 * counts, or forced labour's count and its sectors' counts, are protected together: a group total minus its visible
 * members cannot reveal a withheld one, in one question or across two.
 */
public enum TableSource {

    PERSONS(Person.COLLECTION, List.of(
            new AxisSpec(PersonDimension.ASSESSMENT_YEAR.name(), "assessmentYear", null, null),
            new AxisSpec(PersonDimension.ASSESSED_BY.name(), "assessedBy", null, null),
            new AxisSpec(PersonDimension.CONTACT_PROGRAMME.name(), "contactProgramme", "contactChannel",
                    PersonDimension.CONTACT_CHANNEL.name()),
            new AxisSpec(PersonDimension.NATIONALITY.name(), "nationality", "region", PersonDimension.REGION.name()),
            new AxisSpec(PersonDimension.GENDER.name(), "gender", null, null),
            new AxisSpec(PersonDimension.AGE_GROUP.name(), "ageGroup", null, null),
            new AxisSpec(PersonDimension.LABOUR_SECTOR.name(), "labourSector", "exploitation",
                    PersonDimension.EXPLOITATION.name()),
            new AxisSpec(PersonDimension.STATUS.name(), "status", null, null),
            new AxisSpec(PersonDimension.OUTCOME_YEAR.name(), "outcomeYear", null, null),
            new AxisSpec(PersonDimension.ACCOMMODATION.name(), "accommodation", null, null))),
    HOTLINE(HotlineCall.COLLECTION, Arrays.stream(HotlineDimension.values())
            .map(d -> new AxisSpec(d.name(), d.field(), null, null)).toList());

    private final String collection;
    private final Map<String, AxisSpec> axes;

    TableSource(String collection, List<AxisSpec> axes) {
        this.collection = collection;
        this.axes = axes.stream().collect(Collectors.toMap(AxisSpec::name, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    public String collection() {
        return collection;
    }

    /**
     * The year axis: anonymous tables are built within one year (a family per year), and across years only the
     * yearly totals are published, so no cell of one year is the difference of two pooled tables.
     */
    public String yearAxis() {
        return this == PERSONS ? PersonDimension.ASSESSMENT_YEAR.name() : HotlineDimension.YEAR.name();
    }

    /** The axis that carries a dimension: its own, or the one it groups. */
    public AxisSpec axisOf(String dimension) {
        AxisSpec axis = axes.get(dimension);
        if (axis != null) {
            return axis;
        }
        for (AxisSpec spec : axes.values()) {
            if (dimension.equals(spec.groupDimension())) {
                return spec;
            }
        }
        throw new IllegalArgumentException(dimension + " is not a dimension of " + this);
    }

    public List<AxisSpec> axes() {
        return List.copyOf(axes.values());
    }

    /**
     * How one axis is read from the documents: its field, and (for nested dimensions) the field and dimension of
     * its groups.
     */
    public record AxisSpec(String name, String field, String groupField, String groupDimension) {

        /** The leaves of the axis whose code in the dimension (the axis's own or its groups') is one of those given. */
        public Set<String> leaves(Axis axis, String dimension, Collection<String> codes) {
            Set<String> wanted = Set.copyOf(codes);
            boolean byGroup = dimension.equals(groupDimension);
            Set<String> leaves = new LinkedHashSet<>();
            for (String leaf : axis.leaves()) {
                String code = groupField == null ? leaf : byGroup ? Axis.groupOf(leaf) : Axis.codeOf(leaf);
                if (wanted.contains(code)) {
                    leaves.add(leaf);
                }
            }
            return leaves;
        }
    }
}
