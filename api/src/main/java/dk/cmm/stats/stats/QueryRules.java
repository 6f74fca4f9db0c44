package dk.cmm.stats.stats;

import java.time.Year;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import dk.cmm.stats.codebook.Codebook;

/**
 * The one set of rules a statistics question must meet, for every caller and every endpoint (GraphQL, CSV,
 * JSON-stat; staff and public), in two parts:
 * <ul>
 * <li><b>Normalising</b>, before anything else sees the filter: nationality codes are accepted in any case
 * ({@code ng} is {@code NG}), as the importer accepts them; the years of a year list ({@code assessmentYears},
 * {@code outcomeYears}, {@code years}: the {@link FilterField}s of a year dimension) lie from {@value #FIRST_YEAR}
 * to next year, the importer's range, or the question is refused naming {@code filter.<field>}.</li>
 * <li><b>Validation</b>, refusing a question that cannot be answered as meant, without running it: an unknown
 * nationality, a negative or empty age range, a year range whose start lies after its end, more than
 * {@value #MAX_GROUP_BY} groupBy dimensions or one named twice. The public boundary checks this before its own
 * limits, so every caller gets the same validation first.</li>
 * </ul>
 */
@Component
public class QueryRules {

    /** The first year a year list may name (the importer's range starts here too). */
    public static final int FIRST_YEAR = 1990;

    /** More dimensions than this make cells too thin to be useful, and the cross product too large. */
    public static final int MAX_GROUP_BY = 4;

    /** The dimensions whose codes are years: a filter field on one of them lists years. */
    private static final Set<Dimension> YEAR_DIMENSIONS = Set.of(PersonDimension.ASSESSMENT_YEAR,
            PersonDimension.OUTCOME_YEAR, HotlineDimension.YEAR, OutreachDimension.YEAR);

    /** The parameter names of the year lists, from the filter field tables. */
    private static final Set<String> YEAR_LISTS = yearLists();

    private static final String NATIONALITY = FilterField.named(FilterField.PERSON, "nationality").parameter();

    private final Codebook codebook;

    public QueryRules(Codebook codebook) {
        this.codebook = codebook;
    }

    /** A GraphQL {@code filter} argument (field name → value), normalised. */
    public static Map<String, Object> normalised(Map<?, ?> filter) {
        Map<String, Object> out = new LinkedHashMap<>();
        filter.forEach((key, value) -> out.put(String.valueOf(key), value));
        for (String name : YEAR_LISTS) {
            if (out.get(name) instanceof List<?> years) {
                years.forEach(year -> checkYear(name, year));
            }
        }
        if (out.get(NATIONALITY) instanceof List<?> codes) {
            out.put(NATIONALITY, codes.stream()
                    .map(code -> code instanceof String s ? normalisedCountry(s) : code).toList());
        }
        return out;
    }

    /** A person filter, normalised (null stays null). */
    public static PersonFilter normalised(PersonFilter filter) {
        if (filter == null) {
            return null;
        }
        checkYears(FilterField.PERSON, filter);
        return filter.nationality() == null ? filter : filter.toBuilder()
                .nationality(filter.nationality().stream().map(QueryRules::normalisedCountry).toArray(String[]::new))
                .build();
    }

    /** A hotline filter, normalised (null stays null). */
    public static HotlineFilter normalised(HotlineFilter filter) {
        checkYears(FilterField.HOTLINE, filter);
        return filter;
    }

    /** An outreach filter, normalised (null stays null). */
    public static OutreachFilter normalised(OutreachFilter filter) {
        checkYears(FilterField.OUTREACH, filter);
        return filter;
    }

    private static String normalisedCountry(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    private static <F> void checkYears(List<FilterField<F>> table, F filter) {
        for (FilterField<F> field : table) {
            if (field.match() == FilterField.Match.ANY_OF && YEAR_DIMENSIONS.contains(field.dimension())) {
                field.values(filter).forEach(year -> checkYear(field.parameter(), year));
            }
        }
    }

    private static void checkYear(String name, Object year) {
        int lastYear = Year.now().getValue() + 1;
        if (year instanceof Number n && (n.longValue() < FIRST_YEAR || n.longValue() > lastYear)) {
            throw new InvalidQueryException("filter." + name, "Year " + n + " in filter." + name
                    + " is outside " + FIRST_YEAR + "-" + lastYear);
        }
    }

    private static Set<String> yearLists() {
        Set<String> names = new LinkedHashSet<>();
        for (List<? extends FilterField<?>> table : List.of(FilterField.PERSON, FilterField.HOTLINE,
                FilterField.OUTREACH)) {
            for (FilterField<?> field : table) {
                if (field.match() == FilterField.Match.ANY_OF && YEAR_DIMENSIONS.contains(field.dimension())) {
                    names.add(field.parameter());
                }
            }
        }
        return Set.copyOf(names);
    }

    /** Refuses a person question that cannot be answered as meant (BAD_REQUEST). */
    public void validatePersons(PersonFilter filter, List<PersonDimension> groupBy) {
        checkPersonFilter(filter == null ? PersonFilter.ALL : filter);
        checkGroupBy(groupBy == null ? List.of() : groupBy);
    }

    /** {@link #validatePersons} for hotline questions. */
    public void validateHotline(HotlineFilter filter, List<HotlineDimension> groupBy) {
        HotlineFilter f = filter == null ? HotlineFilter.ALL : filter;
        checkYearRange(f.yearFrom(), f.yearTo());
        checkGroupBy(groupBy == null ? List.of() : groupBy);
    }

    /** {@link #validatePersons} for outreach questions. */
    public void validateOutreach(OutreachFilter filter, List<OutreachDimension> groupBy) {
        OutreachFilter f = filter == null ? OutreachFilter.ALL : filter;
        checkYearRange(f.yearFrom(), f.yearTo());
        checkGroupBy(groupBy == null ? List.of() : groupBy);
    }

    /** Refuses a filter that cannot match as meant: an unknown nationality, a negative or empty age range. */
    public void checkPersonFilter(PersonFilter f) {
        if (f.nationality() != null) {
            for (String code : f.nationality()) {
                if (codebook.country(code).isEmpty() || !code.equals(code.toUpperCase(Locale.ROOT))) {
                    throw new InvalidQueryException("filter.nationality", "Unknown nationality code '" + code
                            + "': use an ISO 3166-1 alpha-2 code in capitals, e.g. NG, RO, TH");
                }
            }
        }
        if (f.ageMin() != null && f.ageMax() != null && f.ageMin() > f.ageMax()) {
            throw new InvalidQueryException("filter.ageMin", "ageMin (" + f.ageMin() + ") is greater than ageMax ("
                    + f.ageMax() + ")");
        }
        if ((f.ageMin() != null && f.ageMin() < 0) || (f.ageMax() != null && f.ageMax() < 0)) {
            throw new InvalidQueryException("filter.ageMin", "ages cannot be negative");
        }
        checkYearRange(f.yearFrom(), f.yearTo());
    }

    /** Refuses a year range whose start lies after its end (it would match nothing, silently). */
    static void checkYearRange(Integer yearFrom, Integer yearTo) {
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            throw new InvalidQueryException("filter.yearFrom", "yearFrom (" + yearFrom + ") is after yearTo ("
                    + yearTo + ")");
        }
    }

    static void checkGroupBy(List<? extends Dimension> groupBy) {
        if (groupBy.size() > MAX_GROUP_BY) {
            throw new InvalidQueryException("groupBy", "groupBy takes at most " + MAX_GROUP_BY + " dimensions, got "
                    + groupBy.size());
        }
        if (new TreeSet<>(groupBy.stream().map(Dimension::name).toList()).size() != groupBy.size()) {
            throw new InvalidQueryException("groupBy", "groupBy names a dimension twice: " + groupBy);
        }
    }
}
