package dk.cmm.stats.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Errors that Tomcat answers itself, before Spring sees the request (a request target it cannot parse, a header too
 * large), are JSON, never Tomcat's HTML page: on {@code /graphql} a GraphQL error (classification
 * {@code BAD_REQUEST}), so that a client shows it like any other; elsewhere {@code {"error": ...}}. The characters
 * GraphQL queries carry ({@code { } [ ] | " ^ `}) are accepted unencoded in the query string
 * ({@code server.tomcat.relaxed-query-chars}), so that {@code /graphql?query={years}} typed into a browser works.
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrors {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> jsonErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report as JSON. Public, with a public constructor: Tomcat makes it by its class name. */
    public static class JsonErrorReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String uri = request.getRequestURI();
            String message = "the request could not be read (HTTP " + status + "): encode its query parameters "
                    + "(say with encodeURIComponent) and send it again";
            byte[] body = ErrorBodies.forPath(uri, "BAD_REQUEST", message);
            try {
                response.setContentType("application/json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getOutputStream().write(body);
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the connection is gone: nothing to tell
            }
        }
    }
}
