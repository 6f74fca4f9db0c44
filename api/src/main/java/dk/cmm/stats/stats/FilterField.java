package dk.cmm.stats.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The one table of filterable fields: for each field of {@link PersonFilter}, {@link HotlineFilter} and
 * {@link OutreachFilter}, its parameter name (the same in GraphQL and in the CSV query string), the dimension whose
 * codes it restricts, the stored document field, how it matches, and how its value is read from a filter.
 * <p>
 * Everything that turns a filter into something else reads this table, so a field is named once: the {@code $match}
 * of every pipeline ({@link Pipelines}), the codes {@code includeEmpty} may add ({@link StatsService}), the years a
 * filter asks for (for "no data" years), and outside {@code stats} the disclosure control's table axes
 * ({@link #dimension()} → {@link #field()}) and the CSV endpoint's parameter names ({@link #parameter()}).
 *
 * @param parameter the filter component and request parameter, e.g. {@code assessmentYears}
 * @param dimension the grouping dimension whose codes the field restricts; null when it restricts none
 *                  ({@code ageMin}/{@code ageMax} bound the age, not a code)
 * @param field     the stored document field, e.g. {@code assessmentYear}
 * @param match     how the field matches: one of the listed values, or a bound
 * @param accessor  reads the field's value from a filter: a list for {@link Match#ANY_OF}, an Integer for a bound
 * @param <F>       the filter type
 */
public record FilterField<F>(String parameter, Dimension dimension, String field, Match match,
        Function<F, ?> accessor) {

    /** How a filter field selects documents. */
    public enum Match {
        /** The stored value is one of the listed values ({@code $in}); an empty or absent list selects any. */
        ANY_OF,
        /** The stored number is at least the given one ({@code $gte}). */
        AT_LEAST,
        /** The stored number is at most the given one ({@code $lte}). */
        AT_MOST
    }

    /** The filterable fields of persons. {@code yearFrom}/{@code yearTo} bound the assessment year. */
    public static final List<FilterField<PersonFilter>> PERSON = List.of(
            anyOf("assessmentYears", PersonDimension.ASSESSMENT_YEAR, PersonFilter::assessmentYears),
            bound("yearFrom", PersonDimension.ASSESSMENT_YEAR, Match.AT_LEAST, PersonFilter::yearFrom),
            bound("yearTo", PersonDimension.ASSESSMENT_YEAR, Match.AT_MOST, PersonFilter::yearTo),
            anyOf("assessedBy", PersonDimension.ASSESSED_BY, PersonFilter::assessedBy),
            anyOf("contactChannel", PersonDimension.CONTACT_CHANNEL, PersonFilter::contactChannel),
            anyOf("contactProgramme", PersonDimension.CONTACT_PROGRAMME, PersonFilter::contactProgramme),
            anyOf("nationality", PersonDimension.NATIONALITY, PersonFilter::nationality),
            anyOf("region", PersonDimension.REGION, PersonFilter::region),
            anyOf("gender", PersonDimension.GENDER, PersonFilter::gender),
            new FilterField<>("ageMin", null, "ageAtIdentification", Match.AT_LEAST, PersonFilter::ageMin),
            new FilterField<>("ageMax", null, "ageAtIdentification", Match.AT_MOST, PersonFilter::ageMax),
            anyOf("exploitation", PersonDimension.EXPLOITATION, PersonFilter::exploitation),
            anyOf("labourSector", PersonDimension.LABOUR_SECTOR, PersonFilter::labourSector),
            anyOf("status", PersonDimension.STATUS, PersonFilter::status),
            anyOf("outcomeYears", PersonDimension.OUTCOME_YEAR, PersonFilter::outcomeYears),
            anyOf("accommodation", PersonDimension.ACCOMMODATION, PersonFilter::accommodation));

    /** The filterable fields of hotline calls. {@code yearFrom}/{@code yearTo} bound the year of the call. */
    public static final List<FilterField<HotlineFilter>> HOTLINE = List.of(
            anyOf("years", HotlineDimension.YEAR, HotlineFilter::years),
            bound("yearFrom", HotlineDimension.YEAR, Match.AT_LEAST, HotlineFilter::yearFrom),
            bound("yearTo", HotlineDimension.YEAR, Match.AT_MOST, HotlineFilter::yearTo),
            anyOf("callerType", HotlineDimension.CALLER_TYPE, HotlineFilter::callerType),
            anyOf("reason", HotlineDimension.REASON, HotlineFilter::reason));

    /**
     * The filterable fields of outreach activities. {@code yearFrom}/{@code yearTo} bound the activity's year.
     * {@code programme}, {@code programmeKind} and {@code city} select programmes on their records ({@code _id},
     * {@code kind}, {@code city}: {@code outreach.Programmes.codesMatching}), and the activities of those programmes
     * by code ({@link Pipelines#outreachCriteria}): an activity's kind and city are its programme's as it is now.
     */
    public static final List<FilterField<OutreachFilter>> OUTREACH = List.of(
            anyOf("years", OutreachDimension.YEAR, OutreachFilter::years),
            bound("yearFrom", OutreachDimension.YEAR, Match.AT_LEAST, OutreachFilter::yearFrom),
            bound("yearTo", OutreachDimension.YEAR, Match.AT_MOST, OutreachFilter::yearTo),
            anyOf("programme", OutreachDimension.PROGRAMME, OutreachFilter::programme),
            anyOf("programmeKind", OutreachDimension.PROGRAMME_KIND, OutreachFilter::programmeKind),
            anyOf("city", OutreachDimension.CITY, OutreachFilter::city));

    private static <F> FilterField<F> anyOf(String parameter, Dimension dimension, Function<F, ?> accessor) {
        return new FilterField<>(parameter, dimension, dimension.field(), Match.ANY_OF, accessor);
    }

    private static <F> FilterField<F> bound(String parameter, Dimension dimension, Match match,
            Function<F, Integer> accessor) {
        return new FilterField<>(parameter, dimension, dimension.field(), match, accessor);
    }

    /**
     * The values a filter lists for an {@link Match#ANY_OF} field, as stored (codes by name, numbers as numbers);
     * empty when the filter leaves the field open (and always for a bound).
     */
    public List<Object> values(F filter) {
        if (match != Match.ANY_OF || filter == null || !(accessor.apply(filter) instanceof Collection<?> list)) {
            return List.of();
        }
        List<Object> values = new ArrayList<>();
        for (Object value : list) {
            if (value != null) {
                values.add(value instanceof Enum<?> e ? e.name() : value);
            }
        }
        return values;
    }

    /** The bound a filter gives an {@link Match#AT_LEAST} or {@link Match#AT_MOST} field; null when none. */
    public Integer bound(F filter) {
        return match == Match.ANY_OF || filter == null ? null : (Integer) accessor.apply(filter);
    }

    /** Whether a filter restricts this field at all. */
    public boolean isSet(F filter) {
        return match == Match.ANY_OF ? !values(filter).isEmpty() : bound(filter) != null;
    }

    /**
     * Which stored values (as read back from the document, null when absent) meet this field of the filter, in
     * Java, with the semantics of the {@code $match} condition {@link Pipelines#criteria} writes for it: a listed value
     * equals it ({@code $in}: numbers by value, so 2012 equals 2012.0; text exactly), a bound holds for a number
     * ({@code $gte}/{@code $lte} compare numbers with numbers only), an array meets it when one of its elements
     * does, and an absent or null value meets no listed value and no bound. A field the filter leaves open admits
     * everything. The filter's values are read once, for testing many stored values. {@link PersonRows} answers a
     * batch with it, and the batch's tests hold it to the pipeline's answers on the embedded server and on mongod.
     */
    public java.util.function.Predicate<Object> admits(F filter) {
        if (!isSet(filter)) {
            return stored -> true;
        }
        java.util.function.Predicate<Object> one = switch (match) {
            case ANY_OF -> {
                List<Object> values = values(filter);
                yield stored -> values.stream().anyMatch(value -> sameValue(stored, value));
            }
            case AT_LEAST -> {
                double bound = bound(filter);
                yield stored -> stored instanceof Number n && n.doubleValue() >= bound;
            }
            case AT_MOST -> {
                double bound = bound(filter);
                yield stored -> stored instanceof Number n && n.doubleValue() <= bound;
            }
        };
        return stored -> stored instanceof Collection<?> elements ? elements.stream().anyMatch(
                element -> element != null && one.test(element)) : stored != null && one.test(stored);
    }

    /** BSON equality as {@code $in} applies it: numbers of any type by value, everything else by equals. */
    static boolean sameValue(Object stored, Object value) {
        if (stored instanceof Number a && value instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return stored.equals(value);
    }

    /** The field of a table by its parameter name. */
    public static <F> FilterField<F> named(List<FilterField<F>> table, String parameter) {
        return table.stream().filter(f -> f.parameter().equals(parameter)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no filter field " + parameter));
    }
}
