package dk.cmm.stats.storage;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.exception.MongoServerException;
import io.netty.channel.Channel;

/**
 * The H2 MVStore backend of mongo-java-server, made crash-safe: a command that may change the store and the commit
 * of the store that follows it are one unit, which no other commit can split.
 * <p>
 * Why: an MVStore commit persists the state of every map at that moment. mongo-java-server applies one insert as
 * several map writes (the document into the collection's map, then its key into each unique index's map, then the
 * collection's size), and it runs commands of different connections at the same time. So a commit made while
 * another connection's insert was half applied, by the background auto-commit or by this class committing after a
 * read, persisted the document without its {@code _id} index entry; after a kill that record was in the
 * collection but invisible to {@code findOne({_id})} and refused as a duplicate by every insert (issue 15).
 * <p>
 * So: the store's own auto-commit is off (see {@link EmbeddedMongo}); commands that only read share a lock, every
 * other command holds it exclusively and commits the store before it lets go, and only such a holder commits. A
 * commit therefore always persists whole commands, and a killed process reopens at the last acknowledged write
 * (a command it was applying is lost whole: an {@code insertMany} of a chunk is all or nothing on this server).
 * Reads of one collection were serialised with its writes by the server already, so the lock costs reads little.
 * <p>
 * A commit that fails (a full disk) makes H2 close the store: {@link StorageState} then says so, and every later
 * command is refused with a message naming the cause rather than a stack trace.
 */
final class DurableH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);

    /** Commands that never change the store: these run side by side; any other command runs alone and commits. */
    private static final Set<String> READ_ONLY = Set.of("find", "count", "distinct", "getmore", "killcursors",
            "listcollections", "listindexes", "listdatabases", "hello", "ismaster", "buildinfo", "ping",
            "whatsmyuri", "serverstatus", "dbstats", "collstats", "explain", "endsessions", "getlasterror",
            "getparameter", "connectionstatus", "hostinfo", "getcmdlineopts", "getfreemonitoringstatus",
            "getlog", "saslstart", "saslcontinue");

    /** Commands of the connection itself (handshake, heartbeats), answered even when the store failed. */
    private static final Set<String> CONNECTION = Set.of("hello", "ismaster", "buildinfo", "ping", "whatsmyuri",
            "endsessions", "killcursors", "getlasterror", "saslstart", "saslcontinue", "getparameter");

    private final MVStore store;
    private final WriteCounter writes = new WriteCounter();
    private final StorageState state;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    DurableH2Backend(MVStore store, StorageState state) {
        super(store);
        this.store = store;
        this.state = state;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        boolean readOnly = isReadOnly(command, query);
        Lock held = readOnly ? lock.readLock() : lock.writeLock();
        held.lock();
        try {
            if (!CONNECTION.contains(command.toLowerCase(Locale.ROOT))) {
                state.refuseIfFailed(readOnly); // the handshake and heartbeats still answer: the driver stays connected
            }
            try {
                if (command.equalsIgnoreCase("hello")) {
                    return hello(super.handleCommand(channel, databaseName, "ismaster", query));
                }
                return super.handleCommand(channel, databaseName, command, query);
            } catch (MongoServerException e) {
                throw e;
            } catch (MVStoreException e) {
                throw failed(e);
            } catch (RuntimeException e) {
                throw withoutContents(command, query, e);
            } finally {
                if (!readOnly) {
                    commitHeld();
                }
            }
        } finally {
            held.unlock();
            if (!readOnly) {
                writes.applied(command, query); // after the commit: see EmbeddedMongo#writeSequence
            }
        }
    }

    @Override
    public void dropDatabase(String database) {
        lock.writeLock().lock();
        try {
            super.dropDatabase(database);
            commitHeld();
        } finally {
            lock.writeLock().unlock();
            writes.appliedEverywhere();
        }
    }

    /** Commits the store, as a unit no command can split: it waits for the commands being applied. */
    @Override
    public void commit() {
        lock.writeLock().lock();
        try {
            commitHeld();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Commits; call holding the exclusive lock. A failure (a full disk) becomes the store's failed state. */
    private void commitHeld() {
        if (store.isClosed() || !store.hasUnsavedChanges()) {
            return;
        }
        try {
            store.commit();
        } catch (MVStoreException | IllegalStateException e) {
            throw failed(e);
        }
    }

    private MongoServerError failed(RuntimeException e) {
        state.failed(e);
        return state.refusal();
    }

    /**
     * The server's own messages for an unexpected failure can hold a whole stored document (its assertion "Document
     * with key ... already existed in ...: {...}"). A record's contents never go into a reply or a log: only the
     * text before the first brace, the command and the collection.
     */
    private static MongoServerError withoutContents(String command, Document query, RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        int brace = message.indexOf('{');
        String safe = (brace >= 0 ? message.substring(0, brace) : message).replaceAll("[:\\s]+$", "");
        log.error("The embedded MongoDB failed on {} of {}: {} ({})", command, query.get(command), safe,
                e.getClass().getSimpleName());
        return new MongoServerError(1, "InternalError", "the embedded MongoDB failed on " + command + ": " + safe);
    }

    /**
     * mongod's {@code hello} (the embedded server knows only its older name {@code isMaster}): what Spring Boot's
     * MongoDB health contributor asks.
     */
    static Document hello(Document isMaster) {
        isMaster.put("isWritablePrimary", Boolean.TRUE);
        return isMaster;
    }

    static boolean isReadOnly(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            return !(query.get("pipeline") instanceof List<?> stages && stages.stream().anyMatch(
                    s -> s instanceof Document stage && (stage.containsKey("$out") || stage.containsKey("$merge"))));
        }
        return READ_ONLY.contains(name);
    }

    /** The writes this backend has applied, per collection. */
    WriteCounter writes() {
        return writes;
    }
}
