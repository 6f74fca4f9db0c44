package dk.cmm.stats.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dk.cmm.stats.stats.PersonDimension;
import dk.cmm.stats.stats.PersonFilter;
import dk.cmm.stats.stats.Stats;
import dk.cmm.stats.stats.StatsService;
import dk.cmm.stats.storage.RecordWriter;

/** Synthetic data is deterministic for a seed, valid, and drawn from the bundled 2012 records. */
@SpringBootTest(properties = "cmm.data-dir=target/test-data/synthetic-${random.uuid}") // its own context: it writes
class SyntheticDataTests {

    private static final SyntheticData.Plan SMALL = new SyntheticData.Plan(3000, 400, 200, 2002, 2025, 42);
    private static final PersonFilter SYNTHETIC_YEARS = PersonFilter.builder().assessmentYears(2002, 2003, 2004,
            2005, 2006, 2009, 2010, 2013, 2014, 2016, 2020, 2025).build();
    private static final List<PersonDimension> BREAKDOWN = List.of(PersonDimension.NATIONALITY,
            PersonDimension.EXPLOITATION);

    @Autowired
    SyntheticData generator;

    @Autowired
    StatsService stats;

    @Test
    void shouldMakeTheSameRowsForTheSameSeedAndOthersForAnother() {
        for (RecordKind kind : List.of(RecordKind.PERSONS, RecordKind.ACTIVITIES, RecordKind.HOTLINE)) {
            List<Map<String, Object>> first = SyntheticData.rows(kind, SMALL).next(10_000);
            assertThat(SyntheticData.rows(kind, SMALL).next(10_000)).isEqualTo(first);
            SyntheticData.Plan otherSeed = new SyntheticData.Plan(3000, 400, 200, 2002, 2025, 7);
            assertThat(SyntheticData.rows(kind, otherSeed).next(10_000)).hasSameSizeAs(first).isNotEqualTo(first);
        }
    }

    @Test
    void shouldFollowThe2012DistributionsAndGiveTheSameStatisticsForTheSameSeed() {
        Map<RecordKind, RecordWriter.WriteCounts> written = generator.write(SMALL, rows -> { });
        assertThat(written.get(RecordKind.PERSONS).inserted()).isEqualTo(3000);
        assertThat(written.get(RecordKind.ACTIVITIES).inserted()).isEqualTo(400);
        assertThat(written.get(RecordKind.HOTLINE).inserted()).isEqualTo(200);
        Stats seed42 = stats.personStats(SYNTHETIC_YEARS, BREAKDOWN, false);
        assertThat(seed42.total()).isPositive();

        // every synthetic person copies a 2012 person: 2012's rules hold, e.g. prostitution concerns women only
        Stats prostitutionByGender = stats.personStats(PersonFilter.builder().assessmentYears(2005, 2020)
                .exploitation(dk.cmm.stats.codebook.Exploitation.PROSTITUTION).build(),
                List.of(PersonDimension.GENDER), false);
        assertThat(prostitutionByGender.groups()).extracting(g -> g.key().get(0).code()).containsOnly("FEMALE");

        generator.write(SMALL, rows -> { });
        assertThat(stats.personStats(SYNTHETIC_YEARS, BREAKDOWN, false)).isEqualTo(seed42);

        generator.write(new SyntheticData.Plan(3000, 400, 200, 2002, 2025, 7), rows -> { });
        assertThat(stats.personStats(SYNTHETIC_YEARS, BREAKDOWN, false)).isNotEqualTo(seed42);
    }
}
