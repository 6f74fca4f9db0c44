package dk.cmm.stats.graphql;

import org.springframework.stereotype.Component;

import dk.cmm.stats.storage.Stamp;

/**
 * Who is making a change through the API, for the stamp on every record it writes. Until the API has logins this is
 * {@code system}; the security work replaces it with the authenticated user, and nothing else needs to change.
 */
@Component
public class CurrentActor {

    public String name() {
        return Stamp.SYSTEM;
    }
}
