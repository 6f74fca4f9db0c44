package dk.cmm.stats.graphql;

import org.springframework.stereotype.Component;

import dk.cmm.stats.security.Actors;

/**
 * Who is making a change through the API, for the stamp on every record it writes: the name of the caller's API
 * token (the field guard lets only caseworkers and admins change anything, so there always is one).
 */
@Component
public class CurrentActor {

    public String name() {
        return Actors.current();
    }
}
