package dk.cmm.stats.cli;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import dk.cmm.stats.importer.ImportProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with rows per second on the console (standard error, so standard output keeps the report) for
 * each pass over a file of at least {@link #MIN_LINES} lines; smaller files finish before a bar would tell anything.
 */
final class ConsoleProgress implements ImportProgress {

    static final long MIN_LINES = 5_000;

    private final PrintStream console;
    private ProgressBar bar;

    ConsoleProgress(PrintStream console) {
        this.console = console;
    }

    /** A progress bar when a person watches the console, else nothing (no bar in logs and pipes). */
    static ImportProgress forConsole() {
        return System.console() != null ? new ConsoleProgress(System.err) : ImportProgress.NONE;
    }

    @Override
    public void start(String task, long lines) {
        if (lines < MIN_LINES) {
            return;
        }
        // the unit is left out of the counts and put in the speed, so that an 80-column console fits "rows/s"
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(lines).setUnit("", 1)
                .showSpeed(new DecimalFormat("#,##0' rows'", DecimalFormatSymbols.getInstance(Locale.ROOT)))
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate()
                .setConsumer(new ConsoleProgressBarConsumer(console)).build();
    }

    @Override
    public void reached(long line) {
        if (bar != null) {
            bar.stepTo(Math.min(line, bar.getMax()));
        }
    }

    @Override
    public void finish() {
        if (bar != null) {
            bar.stepTo(bar.getMax());
            bar.close();
            bar = null;
        }
    }
}
