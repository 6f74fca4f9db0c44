package dk.cmm.stats.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.TemplateLoader;

/**
 * The folder the site is made from, on disk or packaged in the jar (under {@code site-templates/}): FreeMarker
 * templates, {@code messages/report_*.properties} and {@code assets/*} (copied to the site as they are).
 */
final class TemplateSource {

    static final String DEFAULT_FOLDER = "site-templates";
    static final String PACKAGED = "site-templates";
    static final String MAIN_TEMPLATE = "report.ftlh";

    private final Path folder; // null: the packaged copy

    private TemplateSource(Path folder) {
        this.folder = folder;
    }

    /** The configured folder (which must exist), else ./site-templates when present, else the packaged copy. */
    static TemplateSource resolve(Path configured) {
        if (configured != null) {
            if (!Files.isRegularFile(configured.resolve(MAIN_TEMPLATE))) {
                throw new ReportException("The templates folder " + configured.toAbsolutePath()
                        + " has no " + MAIN_TEMPLATE + " (set by cmm.report.templates)");
            }
            return new TemplateSource(configured);
        }
        Path local = Path.of(DEFAULT_FOLDER);
        return Files.isRegularFile(local.resolve(MAIN_TEMPLATE)) ? new TemplateSource(local) : packaged();
    }

    static TemplateSource packaged() {
        return new TemplateSource(null);
    }

    /** For the log line: the folder, or "the copy packaged in the application". */
    String description() {
        return folder == null ? "the templates packaged in the application" : folder.toString();
    }

    TemplateLoader templateLoader() {
        try {
            return folder == null ? new ClassTemplateLoader(TemplateSource.class.getClassLoader(), PACKAGED)
                    : new FileTemplateLoader(folder.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read templates from " + folder, e);
        }
    }

    /** The bytes of a file of the folder, e.g. {@code messages/report_da.properties}. */
    byte[] read(String name) {
        try {
            if (folder != null) {
                return Files.readAllBytes(folder.resolve(name));
            }
            try (InputStream in = TemplateSource.class.getClassLoader().getResourceAsStream(PACKAGED + "/" + name)) {
                if (in == null) {
                    throw new ReportException("The packaged templates have no " + name);
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new ReportException("Cannot read " + name + " from " + description() + ": " + e.getMessage());
        }
    }

    /** Every file under {@code assets/}, by its path relative to the folder, sorted (the order files are copied). */
    Map<String, byte[]> assets() {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            if (folder != null) {
                Path assets = folder.resolve("assets");
                if (Files.isDirectory(assets)) {
                    try (Stream<Path> paths = Files.walk(assets)) {
                        for (Path p : paths.filter(Files::isRegularFile).toList()) {
                            files.put(folder.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                        }
                    }
                }
                return files;
            }
            PathMatchingResourcePatternResolver resolver =
                    new PathMatchingResourcePatternResolver(TemplateSource.class.getClassLoader());
            for (Resource resource : resolver.getResources("classpath*:" + PACKAGED + "/assets/**")) {
                if (resource.isReadable() && resource.getFilename() != null && !resource.getFilename().isEmpty()) {
                    String url = resource.getURL().toString();
                    String name = url.substring(url.lastIndexOf(PACKAGED + "/assets/") + PACKAGED.length() + 1);
                    try (InputStream in = resource.getInputStream()) {
                        files.put(name, in.readAllBytes());
                    }
                }
            }
            return files;
        } catch (IOException e) {
            throw new ReportException("Cannot read the assets of " + description() + ": " + e.getMessage());
        }
    }
}
