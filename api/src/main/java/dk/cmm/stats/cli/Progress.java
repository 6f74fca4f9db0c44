package dk.cmm.stats.cli;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar over a known number of rows, in the style of the import's ({@link ConsoleProgress}): on standard
 * error with rows per second, and only when a person watches the console (no bar in logs and pipes).
 */
final class Progress implements AutoCloseable {

    private ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    static Progress start(String task, long rows) {
        if (System.console() == null) {
            return new Progress(null);
        }
        return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(rows).setUnit("", 1)
                .showSpeed(new DecimalFormat("#,##0' rows'", DecimalFormatSymbols.getInstance(Locale.ROOT)))
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build());
    }

    void step(int rows) {
        if (bar != null) {
            bar.stepBy(rows);
        }
    }

    /** Completes and removes the bar (again: nothing). */
    @Override
    public void close() {
        if (bar != null) {
            bar.stepTo(bar.getMax());
            bar.close();
            bar = null;
        }
    }
}
