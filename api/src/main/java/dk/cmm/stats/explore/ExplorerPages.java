package dk.cmm.stats.explore;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the table builder at {@code /explore} (its files are static resources under {@code static/explore/}, in the
 * jar; the home page {@code static/index.html} is Spring Boot's welcome page at {@code /}). A forward, not a redirect,
 * so that a shared link {@code /explore?subject=...} stays the address the reader sees. The exported annual reports
 * are served as files from the exports folder ({@code cmm.exports-dir}, by default {@code exports}) at
 * {@code /reports/}, which the home page ({@link HomePage}) lists.
 */
@Configuration(proxyBeanMethods = false)
class ExplorerPages implements WebMvcConfigurer {

    private final Path exports;

    ExplorerPages(@Value("${cmm.exports-dir:exports}") Path exports) {
        this.exports = exports.toAbsolutePath().normalize();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String folder = exports.toUri().toString();
        registry.addResourceHandler("/reports/**").addResourceLocations(folder.endsWith("/") ? folder : folder + "/")
                .setCacheControl(CacheControl.noCache());
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/explore").setViewName("forward:/explore/index.html");
        registry.addViewController("/explore/").setViewName("forward:/explore/index.html");
    }
}
