package dk.cmm.stats.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.cmm.stats.ApiTest;

/**
 * {@code /graphql} as a browser meets it, over a raw socket (an HTTP client would encode the braces): the query
 * typed unencoded works, an error Tomcat answers itself is a GraphQL error in JSON (never Tomcat's HTML page), and
 * HEAD answers as GET without a body.
 */
@ApiTest
class RawGraphQlRequestTests {

    @LocalServerPort
    int port;

    @Test
    void shouldAnswerAQueryWithUnencodedBraces() throws IOException {
        String answer = exchange("GET /graphql?query={years} HTTP/1.1");
        assertThat(answer).startsWith("HTTP/1.1 200").contains("application/json").contains("{\"data\":{\"years\":[");
    }

    @Test
    void shouldAnswerARequestTomcatCannotReadWithAGraphQlErrorInJson() throws IOException {
        String answer = exchange("GET /graphql?query={years}<script> HTTP/1.1");
        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/json")
                .contains("\"errors\"").contains("\"classification\":\"BAD_REQUEST\"")
                .doesNotContainIgnoringCase("<html").doesNotContain("Apache Tomcat");
    }

    @Test
    void shouldAnswerHeadAsGetWithoutABody() throws IOException {
        String get = exchange("GET /graphql?query=%7Byears%7D HTTP/1.1");
        String head = exchange("HEAD /graphql?query=%7Byears%7D HTTP/1.1");
        assertThat(head).startsWith("HTTP/1.1 200").contains("application/json");
        assertThat(head.substring(head.indexOf("\r\n\r\n") + 4)).as("no body").isEmpty();
        assertThat(get).contains("\"years\"");
    }

    /** One request on its own connection, as its bytes; the whole answer until the server closes. */
    private String exchange(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
