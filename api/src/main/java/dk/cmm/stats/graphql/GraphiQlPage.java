package dk.cmm.stats.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * GraphiQL at {@code /graphiql}, served entirely from the jar, so that it works in an office whose browsers cannot
 * reach a CDN (spring-graphql's own page loads everything from esm.sh). The page loads the GraphiQL and React
 * WebJars under {@code /webjars/} (Spring Boot serves them from the classpath) and one start script, with no
 * inline script, so its Content-Security-Policy ({@code security.SecurityHeaders}) allows scripts from this server
 * only. The WebJars' versions are read from their own {@code pom.properties}, so the pom is the one place to change
 * them.
 */
@Configuration(proxyBeanMethods = false)
class GraphiQlPage {

    private static final String FOLDER = "graphiql-page/";

    @Bean
    RouterFunction<ServerResponse> graphiQlRoutes() {
        String page = read(FOLDER + "index.html")
                .replace("@graphiql@", webJarVersion("graphiql"))
                .replace("@react@", webJarVersion("react"));
        String start = read(FOLDER + "start.js");
        String css = read(FOLDER + "page.css");
        CacheControl revalidate = CacheControl.noCache();
        return RouterFunctions.route()
                .GET("/graphiql", request -> ServerResponse.ok().contentType(new MediaType(MediaType.TEXT_HTML,
                        StandardCharsets.UTF_8)).cacheControl(revalidate).body(page))
                .GET("/graphiql/start.js", request -> ServerResponse.ok()
                        .contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8"))
                        .cacheControl(revalidate).body(start))
                .GET("/graphiql/page.css", request -> ServerResponse.ok()
                        .contentType(MediaType.parseMediaType("text/css;charset=UTF-8"))
                        .cacheControl(revalidate).body(css))
                .build();
    }

    static String webJarVersion(String artifact) {
        Properties properties = new Properties();
        try (InputStream in = new ClassPathResource("META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")
                .getInputStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The WebJar " + artifact + " is missing from the classpath", e);
        }
        return properties.getProperty("version");
    }

    private static String read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing " + resource, e);
        }
    }
}
