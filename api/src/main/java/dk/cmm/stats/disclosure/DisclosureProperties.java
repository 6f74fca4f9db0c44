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
 * @param noise           the noisy layer of the persons' releases
 */
@ConfigurationProperties("cmm.disclosure")
public record DisclosureProperties(Integer k, Integer maxGroupBy, Integer maxDimensions, List<String> namedCountries,
        Noise noise) {

    /**
     * The noisy layer ({@link NoisyLayer}).
     *
     * @param enabled whether publications measure the noisy tables (default true)
     * @param sigma   σ of the discrete Gaussian noise (default 2): each table costs ρ = 1/(2σ²)
     * @param tables  the workload, two-way tables as {@code DIMENSION:DIMENSION} (default: the questions people ask
     *                of the persons, {@link #DEFAULT_TABLES})
     * @param seed    a fixed seed, for tests and the attacker's trials only; without it the noise comes from
     *                {@link java.security.SecureRandom}
     */
    public record Noise(Boolean enabled, java.math.BigDecimal sigma, List<String> tables, Long seed) {

        public Noise {
            enabled = enabled == null || enabled;
            sigma = sigma != null ? sigma : java.math.BigDecimal.valueOf(2);
            tables = tables != null ? List.copyOf(tables) : DEFAULT_TABLES;
            if (sigma.signum() <= 0) {
                throw new IllegalArgumentException("cmm.disclosure.noise.sigma must be positive, got " + sigma);
            }
        }
    }

    /**
     * Region and nationality by gender (nationalities sum to their region), the age groups, exploitation and contact
     * channel by region, status, the assessing authority and accommodation by gender, age group by exploitation:
     * every two-way question of the report's sections and of the journalists' trials.
     */
    public static final List<String> DEFAULT_TABLES = List.of("REGION:GENDER", "NATIONALITY:GENDER",
            "AGE_GROUP:GENDER", "EXPLOITATION:REGION", "CONTACT_CHANNEL:REGION", "STATUS:GENDER",
            "ASSESSED_BY:GENDER", "AGE_GROUP:EXPLOITATION", "ACCOMMODATION:GENDER");

    public DisclosureProperties {
        k = k != null ? k : 5;
        maxGroupBy = maxGroupBy != null ? maxGroupBy : 2;
        maxDimensions = maxDimensions != null ? maxDimensions : 2;
        namedCountries = namedCountries != null ? List.copyOf(namedCountries) : List.of("NG", "RO", "TH");
        noise = noise != null ? noise : new Noise(null, null, null, null);
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
