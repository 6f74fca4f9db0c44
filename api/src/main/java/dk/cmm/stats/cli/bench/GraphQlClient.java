package dk.cmm.stats.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one GraphQL query over HTTP to the application on loopback, as a dashboard would: with
 * {@link HttpURLConnection}, the JDK's blocking HTTP/1.1 client, whose keep-alive connections are reused across
 * requests. The JDK's {@code java.net.http.HttpClient} was used before: its asynchronous machinery (a selector thread,
 * futures per request) cost this process more CPU per request than the server's cached answer, on the very cores the
 * server is measured on.
 */
final class GraphQlClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        // keep a connection alive per client thread (the JDK keeps 5 per destination by default)
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "64");
        }
    }

    private final URL url;
    private final byte[] body;
    private final String token;

    GraphQlClient(int port, String query, String token) {
        this(port, query, token, false);
    }

    /** @param get send the query with GET (as a CDN or a dashboard's fetch would), not POST */
    GraphQlClient(int port, String query, String token, boolean get) {
        String base = "http://127.0.0.1:" + port + "/graphql";
        this.url = toUrl(get ? base + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) : base);
        this.body = get ? null : JSON.writeValueAsBytes(Map.of("query", query));
        this.token = token;
    }

    private static URL toUrl(String text) {
        try {
            return URI.create(text).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Sends the query and returns the response body; fails on an HTTP error or a GraphQL error. */
    String send() {
        try {
            HttpURLConnection connection = (HttpURLConnection) url.openConnection();
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(300_000);
            connection.setRequestProperty("Accept", "application/graphql-response+json, application/json");
            if (token != null) {
                connection.setRequestProperty("Authorization", "Bearer " + token);
            }
            if (body != null) {
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            String answer;
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8); // read to the end:
            } // the connection goes back to the keep-alive cache
            if (status != 200 || answer.contains("\"errors\"")) {
                throw new IllegalStateException("GraphQL request failed (HTTP " + status + "): "
                        + (answer.length() > 500 ? answer.substring(0, 500) : answer));
            }
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException("GraphQL request failed: " + e.getMessage(), e);
        }
    }
}
