package dk.cmm.stats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The console shows a bar with rows per second for large files only. */
class ConsoleProgressTests {

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final ConsoleProgress progress = new ConsoleProgress(new PrintStream(console, true, StandardCharsets.UTF_8));

    @Test
    void shouldShowABarWithRowsPerSecondForAFileOfSomeThousandRows() throws InterruptedException {
        progress.start("Importing persons.csv", 20_000);
        progress.reached(10_000);
        Thread.sleep(1_100); // a speed needs time to pass
        progress.finish();

        String shown = console.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("Importing persons.csv").contains("100%").contains("20000/20000")
                .containsPattern("[0-9,]+ rows/s");
    }

    @Test
    void shouldShowNothingForASmallFile() {
        progress.start("Importing persons.csv", ConsoleProgress.MIN_LINES - 1);
        progress.reached(100);
        progress.finish();

        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
