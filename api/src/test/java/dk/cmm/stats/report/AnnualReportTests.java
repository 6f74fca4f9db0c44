package dk.cmm.stats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import dk.cmm.stats.codebook.Gender;
import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.disclosure.Release;
import dk.cmm.stats.person.Person;
import dk.cmm.stats.storage.RecordWriter;

/**
 * Exporting a year through the report feature publishes it, so no caller can export without publishing: the
 * command line only asks for it. The year has no release before (no bundled data, so none published on start).
 */
@SpringBootTest(properties = { "cmm.data-dir=target/test-data/${random.uuid}", "cmm.bundled-data=NEVER" })
class AnnualReportTests {

    static final int YEAR = 1994; // a year of its own: the tests of this configuration share one context and its database
    static final String ACTOR = "test:annual-report";

    @Autowired
    AnnualReport report;

    @Autowired
    RecordWriter writer;

    @Autowired
    MongoTemplate mongo;

    @Test
    void shouldPublishEveryYearItExports(@TempDir Path out) {
        List<Person> persons = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            persons.add(new Person(YEAR + "-REPORT" + i, YEAR, null, null, null, null, null, null, null,
                    Gender.FEMALE, null, null, null, null, null, null, null, null, null, null));
        }
        writer.upsertAll(Person.class, persons, "test");
        assertThat(storedReleases()).isZero();

        AnnualReport.Published published = report.exportAndPublish(out, List.of(YEAR), Set.of(Lang.DA), ACTOR);

        assertThat(out.resolve(YEAR + "/index.html")).isRegularFile();
        assertThat(published.export().years()).extracting(ExportResult::year).containsExactly(YEAR);
        assertThat(published.releases()).isNotEmpty().extracting(Release::year).containsOnly(YEAR);
        for (Release release : published.releases()) {
            Document stored = mongo.getCollection("releases").find(new Document("_id",
                    release.subject() + ":" + release.year() + ":" + release.revision())).first();
            assertThat(stored).as("the stored release of %s %d", release.subject(), release.year()).isNotNull();
            assertThat(stored.getString("publishedBy")).isEqualTo(ACTOR);
        }
        assertThat(storedReleases()).isPositive();
    }

    private long storedReleases() {
        return mongo.getCollection("releases").countDocuments(new Document("year", YEAR));
    }
}
