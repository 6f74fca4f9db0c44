package dk.cmm.stats.disclosure;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dk.cmm.stats.stats.HotlineDimension;
import dk.cmm.stats.stats.HotlineFilter;
import dk.cmm.stats.stats.PersonDimension;
import dk.cmm.stats.stats.PersonFilter;

/**
 * What a caller without a token may ask, checked before any number is computed: releases hold the tables over at
 * most two axes of a year, so a question may combine at most that many dimensions (the year aside), and no exact
 * ages.
 */
@Component
class PublicLimits {

    private final DisclosureProperties properties;

    PublicLimits(DisclosureProperties properties) {
        this.properties = properties;
    }

    void checkPersons(PersonFilter f, List<PersonDimension> groupBy) {
        if (f.ageMin() != null || f.ageMax() != null) {
            throw new DisclosureLimitException("filter.ageMin", "Filtering by exact age needs an API token: "
                    + "exact ages single people out. Group by AGE_GROUP instead.");
        }
        check(QuestionFields.persons(f), groupBy.stream().map(Enum::name).toList(),
                PersonDimension.ASSESSMENT_YEAR.name());
    }

    void checkHotline(HotlineFilter f, List<HotlineDimension> groupBy) {
        check(QuestionFields.hotline(f), groupBy.stream().map(Enum::name).toList(), HotlineDimension.YEAR.name());
    }

    private void check(Map<String, Set<String>> filter, List<String> groupBy, String yearDimension) {
        if (groupBy.size() > properties.maxGroupBy()) {
            throw new DisclosureLimitException("groupBy", "Without an API token, groupBy takes at most "
                    + properties.maxGroupBy() + " dimensions (got " + groupBy.size() + "): finer tables would "
                    + "mostly be withheld small cells.");
        }
        Set<String> axes = new HashSet<>();
        filter.keySet().stream().filter(d -> !d.equals(yearDimension)).forEach(d -> axes.add(QuestionFields.axisOf(d)));
        groupBy.stream().filter(d -> !d.equals(yearDimension)).forEach(d -> axes.add(QuestionFields.axisOf(d)));
        if (axes.size() > properties.maxDimensions()) {
            throw new DisclosureLimitException("filter", "Without an API token, a question combines at most "
                    + properties.maxDimensions() + " dimensions across filter and groupBy, the year aside (got "
                    + axes.size() + ": " + axes.stream().sorted().toList() + "; a dimension and the one it groups, "
                    + "such as NATIONALITY and REGION, count once). An API token lifts this.");
        }
    }
}
