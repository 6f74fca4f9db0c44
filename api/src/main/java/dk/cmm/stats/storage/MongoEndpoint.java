package dk.cmm.stats.storage;

import com.mongodb.ConnectionString;

/** The MongoDB in use: its connection string, and the embedded server when this process started one. */
public record MongoEndpoint(ConnectionString connectionString, EmbeddedMongo embedded) implements AutoCloseable {

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String describe() {
        return (isEmbedded() ? "embedded MongoDB " : "MongoDB ") + connectionString.getHosts() + "/"
                + connectionString.getDatabase();
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
