package dk.cmm.stats.disclosure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds the protected tables in the background once the server is up, so that the first anonymous question does
 * not wait for them (they are rebuilt, on the next question, after any write). {@code cmm.disclosure.warm-up=false}
 * turns it off (the tests do, so as not to load the machine while other tests run).
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "cmm.disclosure.warm-up", havingValue = "true", matchIfMissing = true)
class DisclosureWarmUp {

    private static final Logger log = LoggerFactory.getLogger(DisclosureWarmUp.class);

    private final ProtectedTables tables;

    DisclosureWarmUp(ProtectedTables tables) {
        this.tables = tables;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread thread = new Thread(() -> {
            try {
                long start = System.nanoTime();
                for (TableSource source : TableSource.values()) {
                    tables.years(source);
                }
                log.info("Protected tables ready in {} ms", (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException e) {
                log.warn("Protected tables not built ahead: {}", e.getMessage());
            }
        }, "disclosure-warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}
