package dk.cmm.stats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dk.cmm.stats.ApiTest;

/**
 * The bundled data's releases, built at start-up: every year published, the report's numbers in them, and the
 * audit's figures printed for docs/disclosure.md.
 */
@ApiTest
class ReleaseProtectionTests {

    @Autowired
    Releases releases;

    @Test
    void shouldPublishTheBundledYearsWithTheReportsNumbers() {
        for (int year : List.of(2011, 2012)) {
            Release release = releases.latest(ReleaseBuilder.PERSONS).get(year);
            assertThat(release).as("release of " + year).isNotNull();
            System.out.println("release " + year + ": " + release.audit());
            assertThat(release.audit().withheld()).as("withheld in " + year).isPositive()
                    .isLessThan(release.audit().cells());
        }
        Release y2012 = releases.latest(ReleaseBuilder.PERSONS).get(2012);
        var outreach = releases.outreach(2012);
        assertThat(outreach).as("the outreach answers of 2012").isNotNull();
        assertThat(outreach.get("PROGRAMME")).as("2012 by programme, of " + outreach.keySet()).isNotEmpty();
        // the report's own numbers are published unchanged
        assertThat(y2012.total()).isEqualTo(66);
        assertThat(y2012.published()).containsEntry("ASSESSED_BY=IMMIGRATION_SERVICE", 45L)
                .containsEntry("ASSESSED_BY=CMM", 21L).containsEntry("GENDER=MALE", 10L)
                .containsEntry("STATUS=PREPARED_RETURN_IOM", 7L).containsEntry("STATUS=STAYED_EU_CITIZEN", 3L);
    }
}
