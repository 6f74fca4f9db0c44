package dk.cmm.stats.system;

import java.io.IOException;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dk.cmm.stats.storage.StorageAvailability;
import dk.cmm.stats.storage.StorageErrors;

/**
 * While the storage cannot serve (a failed embedded store, or the owner of a guest's data folder not running),
 * every request but the health endpoints is answered at once with HTTP 503 and the reason in words, instead of
 * hanging and then failing with a 500. A request that meets an unreachable or failed store further on (in a filter
 * behind this one, or a controller), before this check saw it, gets the same answer. A GraphQL request gets a GraphQL error (classification
 * {@code UNAVAILABLE}) so that clients show it like any other ({@link ErrorBodies#forPath}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class StorageUnavailableFilter extends OncePerRequestFilter {

    private final StorageAvailability storage;

    StorageUnavailableFilter(StorageAvailability storage) {
        this.storage = storage;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> why = storage.unavailable();
        if (why.isEmpty()) {
            try {
                chain.doFilter(request, response);
                return;
            } catch (ServletException | IOException | RuntimeException e) {
                // the store went away before this filter's check noticed (the owner's port is probed once a
                // second): a filter after this one (token lookup, data version, rate limit) or a controller met it
                why = StorageErrors.unavailable(e);
                if (why.isEmpty() || response.isCommitted()) {
                    throw e;
                }
                response.resetBuffer();
            }
        }
        response.setHeader("Retry-After", "10");
        String message = "storage unavailable: " + why.get();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        ErrorBodies.write(response, HttpStatus.SERVICE_UNAVAILABLE.value(),
                ErrorBodies.forPath(path, "UNAVAILABLE", message));
    }
}
