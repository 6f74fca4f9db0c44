package dk.cmm.stats.disclosure;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Disclosure control of what callers without a token see.
 *
 * @param k               the threshold: a count from 1 to k−1 is protected (default 5)
 * @param maxGroupBy      groupBy dimensions a question without a token may have (default 2)
 * @param maxDimensions   axes such a question may touch in filter and groupBy together, the year aside (default 2;
 *                        nested dimensions such as REGION and NATIONALITY are one axis); releases hold the tables
 *                        over at most two axes, so 2 is also the most
 * @param namedCountries  the countries published one by one (ISO codes); every other country is counted in "other
 *                        countries" of its region. Configuration, never derived from the data (default NG, RO, TH:
 *                        the countries the centre's own reports name)
 */
@ConfigurationProperties("cmm.disclosure")
public record DisclosureProperties(Integer k, Integer maxGroupBy, Integer maxDimensions, List<String> namedCountries) {

    public DisclosureProperties {
        k = k != null ? k : 5;
        maxGroupBy = maxGroupBy != null ? maxGroupBy : 2;
        maxDimensions = maxDimensions != null ? maxDimensions : 2;
        namedCountries = namedCountries != null ? List.copyOf(namedCountries) : List.of("NG", "RO", "TH");
        if (k < 1) {
            throw new IllegalArgumentException("cmm.disclosure.k must be at least 1, got " + k);
        }
        if (maxGroupBy < 0 || maxDimensions < maxGroupBy || maxDimensions > 2) {
            throw new IllegalArgumentException("cmm.disclosure needs 0 <= max-group-by <= max-dimensions <= 2");
        }
    }

    public Set<String> namedCountrySet() {
        return Set.copyOf(namedCountries);
    }
}
