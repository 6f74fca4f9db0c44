package dk.cmm.stats.disclosure;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.cmm.stats.hotline.HotlineCall;
import dk.cmm.stats.person.Person;
import dk.cmm.stats.stats.HotlineDimension;
import dk.cmm.stats.stats.PersonDimension;

/**
 * The collections whose counts the anonymous API publishes, and the axes of their protected tables. REGION is not an
 * axis of its own: it is the grouping of the NATIONALITY axis, so a region's count and its nationalities' counts are
 * protected together (a region total minus its visible nationalities cannot reveal a withheld one).
 */
public enum TableSource {

    PERSONS(Person.COLLECTION, Arrays.stream(PersonDimension.values())
            .filter(d -> d != PersonDimension.REGION)
            .map(d -> d == PersonDimension.NATIONALITY
                    ? new AxisSpec(d.name(), d.field(), PersonDimension.REGION.field())
                    : new AxisSpec(d.name(), d.field(), null))
            .toList()),
    HOTLINE(HotlineCall.COLLECTION, Arrays.stream(HotlineDimension.values())
            .map(d -> new AxisSpec(d.name(), d.field(), null)).toList());

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

    /** The axis that carries a dimension (REGION is carried by NATIONALITY). */
    public AxisSpec axisOf(String dimension) {
        if (this == PERSONS && dimension.equals(PersonDimension.REGION.name())) {
            return axes.get(PersonDimension.NATIONALITY.name());
        }
        AxisSpec axis = axes.get(dimension);
        if (axis == null) {
            throw new IllegalArgumentException(dimension + " is not a dimension of " + this);
        }
        return axis;
    }

    public List<AxisSpec> axes() {
        return List.copyOf(axes.values());
    }

    /** How one axis is read from the documents: its field, and the field of its groups where it has them. */
    public record AxisSpec(String name, String field, String groupField) {
    }
}
