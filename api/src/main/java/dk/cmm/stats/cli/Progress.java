package dk.cmm.stats.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The console progress bar of long-running commands: on stderr, with rows per second. */
final class Progress {

    private Progress() {
    }

    static ProgressBar bar(String task, long rows) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(rows).setUnit(" rows", 1).showSpeed()
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(500).build();
    }
}
