package dk.cmm.stats.system;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets front ends on other origins call the API from the browser: {@code cmm.cors.allowed-origins} (comma-separated,
 * e.g. {@code https://dashboard.example.org,http://localhost:5173}) applies to the GraphQL endpoint and the CSV
 * endpoints alike. Empty (the default) allows same-origin use only.
 */
@Configuration(proxyBeanMethods = false)
class CrossOriginConfiguration implements WebMvcConfigurer {

    static final List<String> PATHS = List.of("/graphql", "/graphql/schema", "/api/stats/**");

    private final List<String> allowedOrigins;

    CrossOriginConfiguration(@Value("${cmm.cors.allowed-origins:}") List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (allowedOrigins.isEmpty()) {
            return;
        }
        for (String path : PATHS) {
            registry.addMapping(path)
                    .allowedOrigins(allowedOrigins.toArray(String[]::new))
                    .allowedMethods("GET", "POST")
                    .allowedHeaders("Content-Type", "Accept", "Authorization", "If-None-Match")
                    // Retry-After: how long a rate-limited caller waits; ETag: for If-None-Match on GET
                    .exposedHeaders("Content-Disposition", "Retry-After", "ETag")
                    .maxAge(3600);
        }
    }
}
