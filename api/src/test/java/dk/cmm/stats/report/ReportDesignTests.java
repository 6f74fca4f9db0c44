package dk.cmm.stats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The stylesheet's colours meet WCAG AA, and neither CSS nor templates reach for another host or a script. */
class ReportDesignTests {

    private static final Path CSS = ReportMessagesSyncTests.TEMPLATES.resolve("assets/report.css");

    @Test
    void shouldGiveTextColoursAtLeastFourAndAHalfToOneContrast() throws IOException {
        Map<String, String> colours = colours();
        for (String text : new String[] {"ink", "muted", "link", "brand", "series-0"}) {
            for (String background : new String[] {"paper", "tint", "notice"}) {
                assertThat(contrast(colours.get(text), colours.get(background)))
                        .as(text + " on " + background).isGreaterThanOrEqualTo(4.5);
            }
        }
        assertThat(contrast(colours.get("on-brand"), colours.get("brand"))).as("masthead").isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void shouldGiveChartColoursAtLeastThreeToOneContrastOnThePaper() throws IOException {
        Map<String, String> colours = colours();
        assertThat(colours).containsKeys("series-0", "series-1", "series-2", "series-unknown");
        colours.forEach((name, hex) -> {
            if (name.startsWith("series-")) {
                assertThat(contrast(hex, colours.get("paper"))).as(name).isGreaterThanOrEqualTo(3.0);
                assertThat(contrast(hex, colours.get("tint"))).as(name + " on tint").isGreaterThanOrEqualTo(3.0);
            }
        });
    }

    @Test
    void shouldLoadNothingFromOtherHostsAndRunNoScript() throws IOException {
        for (Path file : new Path[] {CSS, CSS.resolveSibling("print.css")}) {
            String css = Files.readString(file);
            assertThat(css).as(file.toString()).doesNotContain("@import").doesNotContainPattern("url\\(")
                    .doesNotContain("http:").doesNotContain("https:");
        }
        for (Path template : ReportMessagesSyncTests.templates()) {
            assertThat(Files.readString(template)).as(template.toString()).doesNotContainIgnoringCase("<script")
                    .doesNotContain("http:").doesNotContain("https:");
        }
    }

    private static Map<String, String> colours() throws IOException {
        Map<String, String> colours = new LinkedHashMap<>();
        Matcher m = Pattern.compile("--([a-z0-9-]+):\\s*(#[0-9a-fA-F]{6})\\s*;").matcher(Files.readString(CSS));
        while (m.find()) {
            colours.put(m.group(1), m.group(2));
        }
        return colours;
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
