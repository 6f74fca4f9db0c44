package dk.cmm.stats.report;

import java.util.List;

/**
 * An export's years and where its time went: asking the statistics (every number of every year), rendering the pages
 * and data files in memory, and writing them.
 */
public record ExportRun(List<ExportResult> years, double askSeconds, double renderSeconds, double writeSeconds) {

    /** The export's time: asking, rendering and writing. */
    public double seconds() {
        return askSeconds + renderSeconds + writeSeconds;
    }

    /** "asking 1.20 s, rendering 0.31 s, writing 0.02 s". */
    public String phases() {
        return String.format(java.util.Locale.ROOT, "asking %.2f s, rendering %.2f s, writing %.2f s", askSeconds,
                renderSeconds, writeSeconds);
    }
}
