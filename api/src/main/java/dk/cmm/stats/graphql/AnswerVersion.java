package dk.cmm.stats.graphql;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import dk.cmm.stats.disclosure.ReleaseBuilder;
import dk.cmm.stats.disclosure.Releases;
import dk.cmm.stats.hotline.HotlineCall;
import dk.cmm.stats.outreach.OutreachActivity;
import dk.cmm.stats.outreach.Programme;
import dk.cmm.stats.person.Person;
import dk.cmm.stats.storage.DataVersion;
import dk.cmm.stats.yearnote.YearNote;

/**
 * The version a cached answer and its ETag are keyed by, read before the answer is computed: the data's (the embedded
 * server's count of writes to {@link #SOURCES} when this process runs it, which costs nothing, else
 * {@link DataVersion#current()}, one {@code _id} read) and the published releases' (callers without a token are
 * answered from them). {@link Releases} keeps the releases it read until their number changes (or this instance
 * publishes); each time it reads them anew it hands out new maps, so a new map is a new generation here, and an
 * answer is keyed by exactly the releases it was answered from. A random part per process: the write count and the
 * generation start again at a restart, and an ETag of before must not match the data of after.
 */
final class AnswerVersion {

    /** The collections statistics answers are computed from (and the data version's own). */
    static final List<String> SOURCES = List.of(Person.COLLECTION, OutreachActivity.COLLECTION,
            HotlineCall.COLLECTION, Programme.COLLECTION, YearNote.COLLECTION, DataVersion.COLLECTION);

    private final String epoch = Long.toHexString(new SecureRandom().nextLong());
    private final LongSupplier data;
    private final Releases releases;
    private final AtomicReference<Seen> seen = new AtomicReference<>(new Seen(null, null, 0));

    private record Seen(Object persons, Object hotline, long generation) {
    }

    AnswerVersion(DataVersion dataVersion, Releases releases) {
        this(dataVersion.of(SOURCES), releases);
    }

    AnswerVersion(LongSupplier data, Releases releases) {
        this.data = data;
        this.releases = releases;
    }

    String current() {
        long version = data.getAsLong();
        Object persons = releases.latest(ReleaseBuilder.PERSONS);
        Object hotline = releases.latest(ReleaseBuilder.HOTLINE);
        Seen s = seen.get();
        while (s.persons() != persons || s.hotline() != hotline) { // identity: a map read anew
            Seen next = new Seen(persons, hotline, s.generation() + 1);
            if (seen.compareAndSet(s, next)) {
                s = next;
            } else {
                s = seen.get();
            }
        }
        return epoch + "." + version + "." + s.generation();
    }
}
