package dk.cmm.stats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import dk.cmm.stats.ApiTest;

/**
 * A revision's privacy budget: publishing the same counts again measures nothing new (same cells, same noise, the
 * year's ρ unchanged), while a new measurement adds the workload's ρ = tables / (2σ²) to the year's running total.
 * The expected ρ is worked out here from σ and the number of tables, not read from the release.
 */
@ApiTest
class RevisionBudgetTests {

    @Autowired
    ReleaseBuilder builder;

    @Autowired
    DisclosureProperties properties;

    @Autowired
    ObjectProvider<ReportedCells> reported;

    private Release publish(int year, Release previous, long seed) {
        return builder.build(ReleaseBuilder.PERSONS, year, previous, reported.getObject().of(year), "trial",
                new Random(seed)).release();
    }

    private double rhoOfOneMeasurement() {
        double sigma = properties.noise().sigma().doubleValue();
        return properties.noise().tables().size() / (2 * sigma * sigma);
    }

    @Test
    void publishingTheSameCountsAgainMeasuresNothingNew() {
        for (int year : new int[] { 2011, 2012 }) {
            Release first = publish(year, null, 1);
            Release again = publish(year, first, 2);
            assertThat(first.noisy()).as("%d has noisy cells", year).isNotEmpty();
            assertThat(again.revision()).isEqualTo(first.revision() + 1);
            assertThat(again.published()).as("%d: the same exact cells", year).isEqualTo(first.published());
            assertThat(again.noisy()).as("%d: the same noisy cells, not a new draw", year).isEqualTo(first.noisy());
            assertThat(again.noise().rhoYear()).as("%d: the year's ρ", year).isCloseTo(rhoOfOneMeasurement(),
                    within(1e-9));
            // and a third time: the cells do not drift from one revision to the next
            Release third = publish(year, again, 3);
            assertThat(third.published()).isEqualTo(first.published());
            assertThat(third.noisy()).isEqualTo(first.noisy());
        }
    }

    @Test
    void aNewMeasurementAddsItsRhoToTheYearsTotal() {
        Release first = publish(2011, null, 1);
        // the stored digest no longer matches the counts, as after a correction of the data: measured anew
        Release.Noise stale = first.noise();
        Release changed = new Release(first.subject(), first.year(), first.revision(), first.publishedAt(),
                first.publishedBy(), first.k(), first.axes(), first.published(), first.age(), first.stayDays(),
                first.audit(), first.noisy(), new Release.Noise(stale.sigma(), stale.rho(), stale.rhoYear(),
                        stale.tables(), stale.failed(), stale.salt(), "0".repeat(64), stale.millis()));
        Release revision = publish(2011, changed, 2);
        assertThat(revision.noise().rho()).isCloseTo(rhoOfOneMeasurement(), within(1e-9));
        assertThat(revision.noise().rhoYear()).isCloseTo(2 * rhoOfOneMeasurement(), within(1e-9));
        assertThat(revision.noise().epsilonYear()).isGreaterThan(first.noise().epsilonYear());
        assertThat(revision.noisy()).as("a new draw").isNotEqualTo(first.noisy());
    }
}
