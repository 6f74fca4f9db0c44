package dk.cmm.stats.storage;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 MVStore backend of mongo-java-server, with one change: a command that changed the store is committed to
 * the file before its reply is sent. Out of the box the store commits in the background about once a second, so a
 * killed process loses writes the client was told had succeeded. Committing writes the changed pages to the file
 * (the operating system's cache), which a killed process cannot undo; only a power cut before the OS flushes could.
 */
final class DurableH2Backend extends H2Backend {

    private final MVStore store;
    private final WriteCounter writes = new WriteCounter();

    DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            if (store.hasUnsavedChanges()) {
                store.commit();
            }
            writes.applied(command, query); // after the commit: see EmbeddedMongo#writeSequence
        }
    }

    @Override
    public void dropDatabase(String database) {
        try {
            super.dropDatabase(database);
        } finally {
            writes.appliedEverywhere();
        }
    }

    /** The writes this backend has applied, per collection. */
    WriteCounter writes() {
        return writes;
    }
}
