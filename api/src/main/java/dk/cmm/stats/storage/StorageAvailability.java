package dk.cmm.stats.storage;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the storage can serve requests, as a state (issue 15): the embedded store failed (a full disk made H2
 * close it), or the embedded server of the data folder this process uses as a guest is not running. While it
 * cannot, requests are refused with {@link #unavailable()} (HTTP 503, see {@code system.StorageUnavailableFilter}),
 * and the health contributor {@code storage} is down (in the liveness and readiness groups: a supervisor restarts
 * the process, a load balancer stops sending it requests). A guest recovers by itself when the owner is back on its
 * port; a failed store needs a restart, and with {@code cmm.storage.exit-on-failure=true} (the default of
 * {@code serve}) the process exits with {@link #EXIT_CODE} a few seconds after the failure, so the supervisor does it.
 */
@Component("storage")
public class StorageAvailability implements HealthIndicator {

    /** The exit code after a storage failure: EX_TEMPFAIL, "try again later". */
    public static final int EXIT_CODE = 75;

    private static final Logger log = LoggerFactory.getLogger(StorageAvailability.class);

    private final MongoEndpoint endpoint;
    private final boolean exitOnFailure;
    private volatile boolean exiting;

    StorageAvailability(MongoEndpoint endpoint, @Value("${cmm.storage.exit-on-failure:false}") boolean exitOnFailure) {
        this.endpoint = endpoint;
        this.exitOnFailure = exitOnFailure;
    }

    /** Why requests cannot be served now, in words; empty while they can. */
    public Optional<String> unavailable() {
        if (!endpoint.isEmbedded()) {
            return Optional.empty(); // a real MongoDB: the driver and its own health contributor tell
        }
        Optional<String> failure = endpoint.embedded().state().filter(StorageState::failed).map(StorageState::message);
        failure.ifPresent(message -> exitLater());
        return failure.isPresent() ? failure : endpoint.embedded().guestProblem();
    }

    @Override
    public Health health() {
        return unavailable().map(why -> Health.down().withDetail("reason", why).build())
                .orElseGet(() -> Health.up().build());
    }

    private void exitLater() {
        if (!exitOnFailure || exiting) {
            return;
        }
        exiting = true;
        Thread exit = new Thread(() -> {
            try {
                Thread.sleep(5000); // long enough for a health check to see the reason
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.error("Exiting with code {} so that a supervisor restarts cmm-stats", EXIT_CODE);
            System.exit(EXIT_CODE);
        }, "storage-failure-exit");
        exit.setDaemon(true);
        exit.start();
    }
}
