package dk.cmm.stats.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per client, in memory: each client may make {@code burst} requests at once and then
 * {@code perMinute} a minute. At most {@code maxClients} buckets are kept; the least recently used is dropped
 * first, so memory stays bounded whatever the number of addresses.
 */
final class TokenBuckets {

    private final double capacity;
    private final double perNano;
    private final LongSupplier clock;
    private final Map<String, double[]> buckets;

    TokenBuckets(int perMinute, int burst, int maxClients, LongSupplier nanoClock) {
        this.capacity = Math.max(1, burst);
        this.perNano = perMinute / 60e9;
        this.clock = nanoClock;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
                return size() > maxClients;
            }
        };
    }

    /** Takes one request from the client's bucket; false when it is empty. */
    synchronized boolean tryTake(String client) {
        long now = clock.getAsLong();
        double[] bucket = buckets.computeIfAbsent(client, c -> new double[] { capacity, now });
        bucket[0] = Math.min(capacity, bucket[0] + (now - (long) bucket[1]) * perNano);
        bucket[1] = now;
        if (bucket[0] < 1) {
            return false;
        }
        bucket[0] -= 1;
        return true;
    }

    /** Seconds until the client may try again. */
    synchronized long retryAfterSeconds(String client) {
        double[] bucket = buckets.get(client);
        if (bucket == null || perNano == 0) {
            return 60;
        }
        return Math.max(1, (long) Math.ceil((1 - bucket[0]) / perNano / 1e9));
    }

    synchronized int size() {
        return buckets.size();
    }
}
