package dk.cmm.stats.storage;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/** The in-memory backend (tests, nothing on disk), counting the write commands it applies like the file backend. */
final class CountingMemoryBackend extends MemoryBackend {

    private final WriteCounter writes = new WriteCounter();

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        try {
            if (command.equalsIgnoreCase("hello")) {
                return DurableH2Backend.hello(super.handleCommand(channel, database, "ismaster", query));
            }
            return super.handleCommand(channel, database, command, query);
        } finally {
            writes.applied(command, query); // after the write is applied: see EmbeddedMongo#writeSequence
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

    WriteCounter writes() {
        return writes;
    }
}
