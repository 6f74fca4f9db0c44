package dk.cmm.stats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dk.cmm.stats.ApiTest;

/** The bundled data's releases: built at start-up, every small count withheld, the rest published. */
@ApiTest
class ReleaseProtectionTests {

    @Autowired
    Releases releases;

    @Test
    void shouldPublishTheBundledYearsWithTheirAudit() {
        for (int year : List.of(2011, 2012)) {
            Release release = releases.latest(ReleaseBuilder.PERSONS).get(year);
            assertThat(release).as("release of " + year).isNotNull();
            System.out.println("release " + year + ": " + release.audit());
            assertThat(release.audit().pinnedByPublished()).isZero();
            assertThat(release.published().values()).noneMatch(v -> v >= 1 && v < release.k());
        }
    }
}
