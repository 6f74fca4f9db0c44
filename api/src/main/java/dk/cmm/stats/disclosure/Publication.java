package dk.cmm.stats.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import dk.cmm.stats.importer.BundledDataLoader;
import dk.cmm.stats.stats.OutreachRow;
import dk.cmm.stats.stats.HotlineFilter;
import dk.cmm.stats.stats.OutreachDimension;
import dk.cmm.stats.stats.OutreachFilter;
import dk.cmm.stats.stats.StatsService;

/**
 * Publishing a year: a release of its persons and, where it has any, of its hotline calls. A database that has
 * never published anything and holds the bundled data gets the bundled data's years published on start-up (the
 * bundled data comes with its years published); every other publication is a staff decision
 * ({@code cmm-stats publish}, or exporting the year's report).
 */
@Component
public class Publication implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Publication.class);

    private final Releases releases;
    private final StatsService stats;
    private final ReleaseStore store;
    private final BundledDataLoader bundled;
    private final org.springframework.beans.factory.ObjectProvider<ReportedCells> reported;
    private final OutreachProtection outreach;

    Publication(Releases releases, StatsService stats, ReleaseStore store, BundledDataLoader bundled,
            org.springframework.beans.factory.ObjectProvider<ReportedCells> reported, OutreachProtection outreach) {
        this.outreach = outreach;
        this.releases = releases;
        this.stats = stats;
        this.store = store;
        this.bundled = bundled;
        this.reported = reported;
    }

    /** Publishes a year, with the report's own numbers of the year (dimension → code) published as they are. */
    public List<Release> publish(int year, List<ReportedCells.Table> reportCells, String publishedBy) {
        return publish(year, reportCells, List.of(), publishedBy);
    }

    /** Publishes a year, with the reports' person and hotline tables published as they are. */
    public List<Release> publish(int year, List<ReportedCells.Table> reportCells,
            List<ReportedCells.Table> hotlineCells, String publishedBy) {
        List<Release> published = new ArrayList<>();
        Release persons = releases.publish(ReleaseBuilder.PERSONS, year, reportCells, publishedBy);
        published.add(persons);
        if (stats.hotlineStats(HotlineFilter.year(year), List.of(), false).total() > 0) {
            published.add(releases.publish(ReleaseBuilder.HOTLINE, year, hotlineCells, publishedBy));
        }
        OutreachFilter inYear = new OutreachFilter(List.of(year), null, null, null);
        if (!stats.outreachStats(inYear, List.of()).isEmpty()) {
            Map<String, List<OutreachRow>> answers = new java.util.LinkedHashMap<>();
            for (List<OutreachDimension> groupBy : OutreachProtection.publicGroupings()) {
                answers.put(OutreachProtection.key(groupBy), outreach.protect(inYear, groupBy,
                        stats.outreachStats(inYear, groupBy), Map.of(year, persons)));
            }
            releases.publishOutreach(year, answers);
        }
        return published;
    }

    /** Publishes a year with its report's numbers published as they are. */
    public List<Release> publish(int year, String publishedBy) {
        ReportedCells cells = reported.getIfAvailable();
        return cells == null ? publish(year, List.of(), publishedBy)
                : publish(year, cells.of(year), cells.hotline(year), publishedBy);
    }

    @Override
    public void afterSingletonsInstantiated() {
        bundled.afterSingletonsInstantiated(); // the bundled data first: loading it again is a no-op
        if (store.anyPublished() || !bundled.enabled()) {
            return;
        }
        long start = System.nanoTime();
        for (int year : stats.assessmentYears()) {
            publish(year, "bundled data");
        }
        log.info("Published the bundled data's years {} in {} ms", stats.assessmentYears(),
                (System.nanoTime() - start) / 1_000_000);
    }
}
