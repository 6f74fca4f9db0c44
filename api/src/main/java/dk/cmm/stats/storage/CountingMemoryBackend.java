package dk.cmm.stats.storage;

import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/** The in-memory backend (tests, nothing on disk), counting the write commands it applies like the file backend. */
final class CountingMemoryBackend extends MemoryBackend {

    private final AtomicLong writes = new AtomicLong();

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            if (WriteCommands.isWrite(command, query)) {
                writes.incrementAndGet(); // after the write is applied: see EmbeddedMongo#writeSequence()
            }
        }
    }

    long writeSequence() {
        return writes.get();
    }
}
