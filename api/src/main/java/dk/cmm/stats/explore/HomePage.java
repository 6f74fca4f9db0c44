package dk.cmm.stats.explore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public home page at {@code /}: the table builder, GraphiQL, and the annual reports that have been exported,
 * served from the exports folder at {@code /reports/} ({@code cmm.exports-dir}, by default {@code exports}, where
 * {@code export} writes; {@link ExplorerPages} serves the folder). A visitor sees the reports there are; how staff export one is in the README, not here.
 * The page is {@code static/index.html} with the list of reports put in at the marker {@code <!--reports-->}; the list
 * is read again on each visit, so a report exported while the server runs shows at once.
 */
@RestController
class HomePage {

    private static final String MARKER = "<!--reports-->";

    private final Path exports;
    private final String page;

    HomePage(@Value("${cmm.exports-dir:exports}") Path exports) {
        this.exports = exports.toAbsolutePath().normalize();
        this.page = read("static/index.html");
    }

    @GetMapping({ "/", "/index.html" })
    ResponseEntity<String> home() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).body(page.replace(MARKER, reportLinks(reportYears())));
    }

    /** The years with an exported report ({@code <exports>/<year>/index.html}), latest first. */
    List<Integer> reportYears() {
        if (!Files.isDirectory(exports)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(exports)) {
            return folders.filter(f -> f.getFileName().toString().matches("\\d{4}"))
                    .filter(f -> Files.isRegularFile(f.resolve("index.html")))
                    .map(f -> Integer.valueOf(f.getFileName().toString()))
                    .sorted((a, b) -> b - a).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The list items of the reports: a year is four digits, so nothing in them needs escaping. */
    private String reportLinks(List<Integer> years) {
        if (years.isEmpty()) {
            return "<p>Ingen årsrapport er udgivet på denne server endnu. "
                    + "<span lang=\"en\">No annual report has been published on this server yet.</span></p>";
        }
        StringBuilder html = new StringBuilder("<ul class=\"report-years\">");
        for (int year : years) {
            html.append("<li><a href=\"/reports/").append(year).append("/index.html\">").append(year).append("</a>");
            if (Files.isRegularFile(exports.resolve(year + "/en/index.html"))) {
                html.append(" · <a href=\"/reports/").append(year).append("/en/index.html\" lang=\"en\">").append(year)
                        .append(" in English</a>");
            }
            html.append("</li>");
        }
        return html.append("</ul>").toString();
    }

    private static String read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing " + resource, e);
        }
    }
}
