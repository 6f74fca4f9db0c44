package dk.cmm.stats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.stats.Labels;

/** A designer edits the templates folder, not Java: the export reads it from disk; a broken template says where. */
@SpringBootTest(properties = "cmm.data-dir=target/test-data/${random.uuid}")
class TemplateFolderTests {

    @Autowired
    YearStatistics statistics;

    @Autowired
    Labels labels;

    @Test
    void shouldUseTheEditedWordingAndStylesheetOfTheConfiguredFolder(@TempDir Path templates, @TempDir Path out)
            throws IOException {
        copy(ReportMessagesSyncTests.TEMPLATES, templates);
        Path danish = templates.resolve("messages/report_da.properties");
        Files.writeString(danish, Files.readString(danish).replace("text.victims=Af de samlede kontakter",
                "text.victims=Ifølge opgørelsen og af de samlede kontakter"));
        Files.writeString(templates.resolve("assets/report.css"), "/* edited */\n",
                java.nio.file.StandardOpenOption.APPEND);
        exporter(templates).export(out, 2012, Set.of(Lang.DA));
        assertThat(Files.readString(out.resolve("2012/index.html")))
                .contains("Ifølge opgørelsen og af de samlede kontakter i 2012 blev 66 personer");
        assertThat(Files.readString(out.resolve("2012/assets/report.css"))).endsWith("/* edited */\n");
    }

    @Test
    void shouldNameTheTemplateAndTheOutputWhenRenderingFails(@TempDir Path templates, @TempDir Path out)
            throws IOException {
        copy(ReportMessagesSyncTests.TEMPLATES, templates);
        Path charts = templates.resolve("lib/charts.ftlh");
        Files.writeString(charts, Files.readString(charts).replace("${fig.title}", "${fig.noSuchField}"));
        assertThatThrownBy(() -> exporter(templates).export(out, 2012, Set.of(Lang.DA)))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("2012/index.html").hasMessageContaining("report.ftlh")
                .hasMessageContaining("noSuchField");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).as("nothing written").isEmpty();
        }
    }

    @Test
    void shouldRefuseAConfiguredFolderWithoutTemplates(@TempDir Path empty, @TempDir Path out) {
        assertThatThrownBy(() -> exporter(empty).export(out, 2012, Set.of(Lang.DA)))
                .isInstanceOf(ReportException.class).hasMessageContaining("has no report.ftlh");
    }

    private ReportExporter exporter(Path templates) {
        return new ReportExporter(statistics, labels, new ReportProperties(templates));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }
}
