package dk.cmm.stats.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;

import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.stats.Labels;

/**
 * Writes the annual report of a year as a static site: {@code <out>/<year>/index.html} (Danish),
 * {@code <out>/<year>/en/index.html}, {@code data/} (a CSV per figure, the outreach metrics, the key numbers as JSON),
 * {@code assets/} (the CSS), and {@code <out>/index.html} listing every year found in {@code <out>}. Everything is
 * asked and rendered in memory first, so a year without data or a template error writes nothing. The same data
 * gives byte-identical files.
 */
@Service
public class ReportExporter {

    private static final Pattern YEAR_FOLDER = Pattern.compile("\\d{4}");

    private final YearStatistics statistics;
    private final Labels labels;
    private final ReportProperties properties;

    ReportExporter(YearStatistics statistics, Labels labels, ReportProperties properties) {
        this.statistics = statistics;
        this.labels = labels;
        this.properties = properties;
    }

    /** The years that have person data, ascending: what {@code --all-years} exports. */
    public List<Integer> reportYears() {
        return statistics.reportYears();
    }

    /** Where the templates are read from, for the command's output. */
    public String templatesDescription() {
        return TemplateSource.resolve(properties.templates()).description();
    }

    public ExportResult export(Path out, int year, Set<Lang> languages) {
        return export(out, List.of(year), languages).get(0);
    }

    /** Exports the years in order, then the index; nothing is written before every year has been rendered. */
    public List<ExportResult> export(Path out, List<Integer> years, Set<Lang> languages) {
        return run(out, years, languages).years();
    }

    /** {@link #export(Path, List, Set)}, with the time each phase took. */
    public ExportRun run(Path out, List<Integer> years, Set<Lang> languages) {
        if (languages.isEmpty()) {
            throw new ReportException("No language to export: give --lang da, en or da,en");
        }
        long start = System.nanoTime();
        TemplateSource source = TemplateSource.resolve(properties.templates());
        SiteRenderer renderer = new SiteRenderer(source);
        Map<Lang, Messages> messages = new LinkedHashMap<>();
        for (Lang lang : Lang.values()) {
            messages.put(lang, Messages.load(source, lang));
        }
        Map<String, byte[]> assets = source.assets();
        long asking = System.nanoTime();
        List<YearReport> reports = statistics.collect(years);
        long rendering = System.nanoTime();
        List<Map<String, byte[]>> sites = new ArrayList<>();
        for (YearReport data : reports) {
            sites.add(site(data, languages, renderer, messages, assets));
        }
        long writing = System.nanoTime();
        List<ExportResult> results = new ArrayList<>();
        for (int i = 0; i < years.size(); i++) {
            Path folder = out.resolve(Integer.toString(years.get(i)));
            write(folder, sites.get(i));
            results.add(new ExportResult(years.get(i), folder, List.copyOf(sites.get(i).keySet())));
        }
        Map<String, byte[]> index = new TreeMap<>();
        assets.forEach(index::put);
        index.put("index.html", utf8(renderer.render("index.ftlh", Map.of("index", index(out, messages)),
                out.resolve("index.html").toString())));
        write(out, index);
        long done = System.nanoTime();
        return new ExportRun(List.copyOf(results), (rendering - asking) / 1e9,
                ((asking - start) + (writing - rendering)) / 1e9, (done - writing) / 1e9);
    }

    /** The files of one year's site, by path inside the year folder, sorted. */
    private Map<String, byte[]> site(YearReport data, Set<Lang> languages, SiteRenderer renderer,
            Map<Lang, Messages> messages, Map<String, byte[]> assets) {
        Map<String, byte[]> files = new TreeMap<>();
        for (Lang lang : Lang.values()) {
            if (languages.contains(lang)) {
                Page page = new PageBuilder(data, messages.get(lang), labels).build(languages);
                String path = PageBuilder.pagePath(lang);
                files.put(path, utf8(renderer.render(TemplateSource.MAIN_TEMPLATE, Map.of("page", page),
                        data.year() + "/" + path)));
            }
        }
        for (FigureData figure : data.figures().values()) {
            files.put("data/" + figure.csvFile(), ReportFiles.figureCsv(figure, labels));
        }
        files.put("data/" + ReportFiles.OUTREACH_CSV, ReportFiles.outreachCsv(data));
        files.put("data/" + ReportFiles.SUMMARY, ReportFiles.summaryJson(data));
        files.put("data/" + ReportFiles.TABLES, ReportFiles.tablesJson(data));
        files.putAll(assets);
        return files;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Path folder, Map<String, byte[]> files) {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = folder.resolve(file.getKey());
            try {
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            } catch (IOException e) {
                throw new ReportException("Cannot write " + path + ": " + e.getMessage(), e);
            }
        }
    }

    /** The years exported into the output folder (newest first) with links to each edition found. */
    private static Map<String, Object> index(Path out, Map<Lang, Messages> messages) {
        List<Map<String, Object>> years = new ArrayList<>();
        if (Files.isDirectory(out)) {
            try (Stream<Path> children = Files.list(out)) {
                for (Path dir : children.filter(Files::isDirectory)
                        .filter(d -> YEAR_FOLDER.matcher(d.getFileName().toString()).matches())
                        .sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString()))
                        .toList()) {
                    String year = dir.getFileName().toString();
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("year", year);
                    entry.put("da", Files.isRegularFile(dir.resolve(PageBuilder.pagePath(Lang.DA)))
                            ? year + "/" + PageBuilder.pagePath(Lang.DA) : "");
                    entry.put("en", Files.isRegularFile(dir.resolve(PageBuilder.pagePath(Lang.EN)))
                            ? year + "/" + PageBuilder.pagePath(Lang.EN) : "");
                    if (!entry.get("da").equals("") || !entry.get("en").equals("")) {
                        years.add(entry);
                    }
                }
            } catch (IOException e) {
                throw new ReportException("Cannot list " + out + ": " + e.getMessage(), e);
            }
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("years", years);
        index.put("da", messages.get(Lang.DA).all());
        index.put("en", messages.get(Lang.EN).all());
        index.put("css", "assets/report.css");
        index.put("printCss", "assets/print.css");
        return index;
    }
}
