package dk.cmm.stats.cli;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The benchmark's database on a given server: always its own, never the one the URI names. */
final class BenchUris {

    private BenchUris() {
    }

    /** The URI with its database replaced by (or set to) {@code database}. */
    static String withDatabase(String uri, String database) {
        int hostsStart = uri.indexOf("://");
        if (hostsStart < 0) {
            throw new IllegalArgumentException("not a MongoDB URI: " + uri);
        }
        int slash = uri.indexOf('/', hostsStart + 3);
        int query = uri.indexOf('?', hostsStart + 3);
        if (slash < 0 || (query >= 0 && query < slash)) {
            int at = query >= 0 ? query : uri.length();
            return uri.substring(0, at) + "/" + database + uri.substring(at);
        }
        int end = query >= 0 ? query : uri.length();
        return uri.substring(0, slash + 1) + database + uri.substring(end);
    }

    static void dropDatabase(String uri) {
        ConnectionString connection = new ConnectionString(uri);
        try (MongoClient client = MongoClients.create(connection)) {
            client.getDatabase(connection.getDatabase()).drop();
        }
    }
}
