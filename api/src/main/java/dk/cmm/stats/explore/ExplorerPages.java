package dk.cmm.stats.explore;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the table builder at {@code /explore} (its files are static resources under {@code static/explore/}, in the
 * jar; the home page {@code static/index.html} is Spring Boot's welcome page at {@code /}). A forward, not a redirect,
 * so that a shared link {@code /explore?subject=...} stays the address the reader sees.
 */
@Configuration(proxyBeanMethods = false)
class ExplorerPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/explore").setViewName("forward:/explore/index.html");
        registry.addViewController("/explore/").setViewName("forward:/explore/index.html");
    }
}
