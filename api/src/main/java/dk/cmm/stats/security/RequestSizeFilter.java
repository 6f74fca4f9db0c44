package dk.cmm.stats.security;

import dk.cmm.stats.system.ErrorBodies;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses request bodies over the limit with 413 before anything reads them: by the declared length, and for a
 * body without one (chunked) by counting while it is read.
 */
final class RequestSizeFilter extends OncePerRequestFilter {

    private final int maxBytes;

    RequestSizeFilter(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            tooLarge(response);
            return;
        }
        LimitedRequest limited = new LimitedRequest(request, maxBytes);
        try {
            chain.doFilter(limited, response);
        } catch (RuntimeException | IOException | ServletException e) {
            if (limited.exceeded && !response.isCommitted()) {
                response.resetBuffer();
                tooLarge(response);
                return;
            }
            throw e;
        }
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        ErrorBodies.write(response, 413, ErrorBodies.graphQl("BAD_REQUEST", "The request body is larger than "
                + maxBytes + " bytes; a GraphQL query is far smaller."));
    }

    /** Counts the bytes read and fails past the limit. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final int maxBytes;
        private ServletInputStream stream;
        volatile boolean exceeded;

        LimitedRequest(HttpServletRequest request, int maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > maxBytes) {
                            exceeded = true;
                            throw new IOException("request body over " + maxBytes + " bytes");
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
