package dk.cmm.stats.disclosure;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Publishing and reading releases. A release is built outside any lock from the data as it is, then written as a
 * new document; readers keep the releases in memory and reload them when the number of releases changes (checked
 * at most once a second), so a publication by any instance or command reaches every instance within a second,
 * and nothing else ever changes what callers without a token see.
 */
@Service
public class Releases {

    private static final Logger log = LoggerFactory.getLogger(Releases.class);
    private static final long RECHECK_NANOS = 1_000_000_000L;

    private final ReleaseBuilder builder;
    private final ReleaseStore store;
    private volatile Snapshot snapshot;

    /** The latest release of every year, per subject, as read at one release count. */
    private record Snapshot(long count, long checkedAt, Map<String, Map<Integer, Release>> latest,
            Map<Integer, Map<String, List<OutreachAnswer>>> outreach) {
    }

    public Releases(ReleaseBuilder builder, ReleaseStore store) {
        this.builder = builder;
        this.store = store;
    }

    /**
     * Publishes a year of a subject: a new release, protected with the year's previous release (if any) as the
     * attacker's knowledge.
     *
     * @param reportCells the report's own numbers of the year (dimension → code), always published
     */
    public Release publish(String subject, int year, List<ReportedCells.Table> reportCells, String publishedBy) {
        Release previous = latest(subject).get(year);
        Release release = builder.build(subject, year, previous, reportCells, publishedBy);
        if (previous != null && previous.published().equals(release.published())) {
            return previous; // nothing changed: the latest release stands
        }
        store.save(release);
        snapshot = null;
        log.info("Published {} {} (revision {}): {} of {} cells withheld, built in {} ms", subject, year,
                release.revision(), release.audit().withheld(), release.audit().cells(), release.audit().millis());
        return release;
    }

    /**
     * Publishes a year's outreach answers as they are now, for every grouping a caller without a token may ask
     * (groupBy name list, joined by commas, → rows).
     */
    public void publishOutreach(int year, Map<String, List<OutreachAnswer>> answers) {
        Map<String, List<OutreachAnswer>> previous = outreach(year);
        if (answers.equals(previous)) {
            return;
        }
        store.saveOutreach(year, (int) store.countOutreach(year) + 1, answers);
        snapshot = null;
    }

    /** The published outreach answers of a year (groupBy → rows), or null where the year is not published. */
    public Map<String, List<OutreachAnswer>> outreach(int year) {
        return current().outreach().get(year);
    }

    /** The latest release of each published year of a subject, by year. */
    public Map<Integer, Release> latest(String subject) {
        return current().latest().getOrDefault(subject, Map.of());
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (s != null && now - s.checkedAt() < RECHECK_NANOS) {
            return s;
        }
        long count = store.count();
        if (s != null && s.count() == count) {
            s = new Snapshot(count, now, s.latest(), s.outreach());
        } else {
            Map<String, Map<Integer, Release>> latest = new java.util.HashMap<>();
            for (String subject : List.of(ReleaseBuilder.PERSONS, ReleaseBuilder.HOTLINE)) {
                latest.put(subject, new TreeMap<>(store.latest(subject)));
            }
            s = new Snapshot(count, now, latest, store.latestOutreach());
        }
        snapshot = s;
        return s;
    }
}
