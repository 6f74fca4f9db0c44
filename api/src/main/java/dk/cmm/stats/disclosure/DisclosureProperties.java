package dk.cmm.stats.disclosure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Disclosure control of what anonymous callers see.
 *
 * @param k             the threshold: counts from 1 to k−1 are withheld (default 5)
 * @param maxGroupBy    groupBy dimensions an anonymous question may have (default 2)
 * @param maxDimensions axes an anonymous question may touch in filter and groupBy together (default 2; nested
 *                      dimensions such as REGION and NATIONALITY are one axis). 3 is allowed: three-way tables
 *                      are protected the same way but take seconds to build and are not covered by the sweep tests
 */
@ConfigurationProperties("cmm.disclosure")
public record DisclosureProperties(Integer k, Integer maxGroupBy, Integer maxDimensions) {

    public DisclosureProperties {
        k = k != null ? k : 5;
        maxGroupBy = maxGroupBy != null ? maxGroupBy : 2;
        maxDimensions = maxDimensions != null ? maxDimensions : 2;
        if (k < 1) {
            throw new IllegalArgumentException("cmm.disclosure.k must be at least 1, got " + k);
        }
        if (maxGroupBy < 0 || maxDimensions < maxGroupBy || maxDimensions > 3) {
            throw new IllegalArgumentException("cmm.disclosure needs 0 <= max-group-by <= max-dimensions <= 3");
        }
    }
}
