package dk.cmm.stats.storage;

/** Small helpers for MongoDB connection strings. */
final class MongoUris {

    private MongoUris() {
    }

    /**
     * Adds a database name to a URI that names none ({@code mongodb://host:27017} or {@code mongodb://h1,h2/?replicaSet=rs}),
     * so that a bare URI does not silently write to the driver's default database "test".
     */
    static String withDefaultDatabase(String uri, String database) {
        int schemeEnd = uri.indexOf("://");
        if (schemeEnd < 0) {
            return uri; // not a URI; let the driver report it
        }
        int hostsStart = schemeEnd + 3;
        int slash = uri.indexOf('/', hostsStart);
        int query = uri.indexOf('?', hostsStart);
        if (slash < 0 || (query >= 0 && query < slash)) {
            int insertAt = query >= 0 ? query : uri.length();
            return uri.substring(0, insertAt) + "/" + database + uri.substring(insertAt);
        }
        boolean named = slash + 1 < uri.length() && uri.charAt(slash + 1) != '?';
        return named ? uri : uri.substring(0, slash + 1) + database + uri.substring(slash + 1);
    }
}
