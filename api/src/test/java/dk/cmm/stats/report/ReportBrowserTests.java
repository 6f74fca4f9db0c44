package dk.cmm.stats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dk.cmm.stats.codebook.Lang;

/**
 * The exported page renders in a real browser opened from disk: headless Chromium (Debian's {@code chromium}) takes
 * a screenshot, kept as {@code target/report-2012.png}, which must show a page (not blank) with no console message.
 * Skipped where no Chromium is installed ({@code .ci/run} installs it).
 */
@SpringBootTest(properties = "cmm.data-dir=target/test-data/${random.uuid}")
class ReportBrowserTests {

    private static final List<Path> CHROMIUM = List.of(Path.of("/usr/bin/chromium"),
            Path.of("/usr/bin/chromium-browser"));

    @Autowired
    ReportExporter exporter;

    @Test
    void shouldRenderTheExportedReportInHeadlessChromium(@TempDir Path profile) throws Exception {
        Path chromium = CHROMIUM.stream().filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(chromium != null, "no chromium installed");
        Path site = Path.of("target/report-site").toAbsolutePath();
        exporter.export(site, 2012, Set.of(Lang.DA, Lang.EN));
        for (String edition : List.of("", "-en")) {
            Path page = site.resolve(edition.isEmpty() ? "2012/index.html" : "2012/en/index.html");
            Path screenshot = Path.of("target/report-2012" + edition + ".png").toAbsolutePath();
            Files.deleteIfExists(screenshot);
            Path log = profile.resolve("chromium" + edition + ".log");
            Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--user-data-dir=" + profile.resolve("profile" + edition),
                    "--enable-logging=stderr", "--v=0", "--screenshot=" + screenshot, "--window-size=1200,3000",
                    page.toUri().toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output.lines().filter(line -> line.contains(":CONSOLE")))
                    .as("console messages of " + page).isEmpty();
            assertNotBlank(screenshot);
        }
    }

    private static void assertNotBlank(Path screenshot) throws IOException {
        assertThat(screenshot).isRegularFile();
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(3000);
        Set<Integer> colours = new HashSet<>();
        long dark = 0;
        long samples = 0;
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                int luminance = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                dark += luminance < 3 * 128 ? 1 : 0;
                samples++;
            }
        }
        assertThat(colours.size()).as("distinct colours in " + screenshot).isGreaterThan(50);
        assertThat((double) dark / samples).as("share of dark pixels (text, bars) in " + screenshot)
                .isBetween(0.01, 0.6);
    }
}
