package dk.cmm.stats.storage;

import java.nio.file.Path;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * Run as a separate process by {@link EmbeddedMongoPersistenceTests}: opens the embedded server on a data folder,
 * writes documents one acknowledged write at a time, says so on stdout, then waits to be killed.
 */
public final class EmbeddedWriterChild {

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        EmbeddedMongo embedded = EmbeddedMongo.open(dataDir, 0);
        MongoClient client = MongoClients.create(embedded.connectionString());
        MongoCollection<Document> collection = client.getDatabase("cmm").getCollection("killTest");
        for (int i = 0; i < count; i++) {
            collection.insertOne(new Document("_id", i).append("written", true));
        }
        System.out.println("WRITTEN " + count);
        System.out.flush();
        Thread.sleep(60_000); // killed long before this
    }
}
