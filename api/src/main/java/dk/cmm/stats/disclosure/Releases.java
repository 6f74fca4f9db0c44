package dk.cmm.stats.disclosure;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dk.cmm.stats.stats.OutreachRow;

/**
 * Publishing and reading releases. A release is built outside any lock from the data as it is, then written as a
 * new document; readers keep the releases in memory and reload them when the releases' counter in {@code meta}
 * moves ({@link ReleaseStore#generation}, checked at most once a second), so a publication by any instance or command reaches every instance within a second,
 * and nothing else ever changes what callers without a token see.
 */
@Service
public class Releases {

    private static final Logger log = LoggerFactory.getLogger(Releases.class);
    private static final long RECHECK_NANOS = 1_000_000_000L;
    /** How many revision numbers a publication tries when other instances keep taking them. */
    private static final int MAX_ATTEMPTS = 5;

    private final ReleaseBuilder builder;
    private final ReleaseStore store;
    private volatile Snapshot snapshot;
    private final java.util.concurrent.locks.ReentrantLock refreshing = new java.util.concurrent.locks.ReentrantLock();

    /** The latest release of every year, per subject, as read at one generation of the releases. */
    private record Snapshot(long generation, long checkedAt, Map<String, Map<Integer, Release>> latest,
            Map<Integer, Map<String, List<OutreachRow>>> outreach) {
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
        if (previous != null && previous.published().equals(release.published())
                && previous.noisy().equals(release.noisy())) {
            return previous; // nothing changed: the latest release stands
        }
        for (int attempt = 1; !store.save(release); attempt++) {
            // another instance stored this revision number first (say two started together on an empty database):
            // the same cells are its release too; other cells are published as the next revision over it
            Release stored = store.revision(subject, year, release.revision());
            invalidate();
            if (stored.published().equals(release.published())) {
                return stored;
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException("Could not publish " + subject + " " + year + ": other instances "
                        + "published " + attempt + " revisions of it meanwhile; publish it again");
            }
            release = builder.build(subject, year, stored, reportCells, publishedBy);
            if (stored.published().equals(release.published())) {
                return stored;
            }
        }
        invalidate();
        log.info("Published {} {} (revision {}): {} of {} cells withheld, {} of them with a noisy count, "
                + "built in {} ms",
                subject, year, release.revision(), release.audit().withheld(), release.audit().cells(),
                release.noisy().size(), release.audit().millis());
        return release;
    }

    /**
     * Publishes a year's outreach answers as they are now, for every grouping a caller without a token may ask
     * (groupBy name list, joined by commas, → rows).
     */
    public void publishOutreach(int year, Map<String, List<OutreachRow>> answers) {
        Map<String, List<OutreachRow>> previous = outreach(year);
        if (answers.equals(previous)) {
            return;
        }
        int revision = (int) store.countOutreach(year) + 1;
        for (int attempt = 1; !store.saveOutreach(year, revision, answers); attempt++, revision++) {
            // another instance stored this revision number first: accept it when it holds the same answers
            invalidate();
            if (answers.equals(store.outreachRevision(year, revision))) {
                return;
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException("Could not publish the outreach answers of " + year + ": other "
                        + "instances published " + attempt + " revisions of them meanwhile; publish it again");
            }
        }
        invalidate();
    }

    /** The published outreach answers of a year (groupBy → rows), or null where the year is not published. */
    public Map<String, List<OutreachRow>> outreach(int year) {
        return current().outreach().get(year);
    }

    /** The latest release of each published year of a subject, by year. */
    public Map<Integer, Release> latest(String subject) {
        return current().latest().getOrDefault(subject, Map.of());
    }

    /**
     * The snapshot, checked against the store at most once a second. One thread checks at a time, and the others
     * answer from the snapshot meanwhile; so the store is asked once per second, not once per waiting request, and a
     * slow check can never put an older snapshot over a newer one.
     */
    private Snapshot current() {
        Snapshot s = snapshot;
        if (s != null && System.nanoTime() - s.checkedAt() < RECHECK_NANOS) {
            return s;
        }
        if (s != null && !refreshing.tryLock()) {
            return s; // another thread is checking
        }
        if (s == null) {
            refreshing.lock(); // nothing to answer from: wait for the check
        }
        try {
            Snapshot seen = snapshot;
            long now = System.nanoTime();
            if (seen != null && now - seen.checkedAt() < RECHECK_NANOS) {
                return seen; // checked while this thread waited
            }
            long generation = store.generation();
            Snapshot next;
            if (seen != null && seen.generation() == generation) {
                next = new Snapshot(generation, now, seen.latest(), seen.outreach());
            } else {
                Map<String, Map<Integer, Release>> latest = new java.util.HashMap<>();
                for (String subject : List.of(ReleaseBuilder.PERSONS, ReleaseBuilder.HOTLINE)) {
                    latest.put(subject, new TreeMap<>(store.latest(subject)));
                }
                next = new Snapshot(generation, now, latest, store.latestOutreach());
            }
            snapshot = next;
            return next;
        } finally {
            refreshing.unlock();
        }
    }

    /** Forgets the snapshot after this instance published, once any check in progress has stored its own. */
    private void invalidate() {
        refreshing.lock();
        try {
            snapshot = null;
        } finally {
            refreshing.unlock();
        }
    }
}
