package dk.cmm.stats.graphql;

import dk.cmm.stats.disclosure.PublicStatistics.Audience;
import dk.cmm.stats.security.Actors;
import dk.cmm.stats.security.Role;

/** The audience of the current request: staff with a token, or the public. */
public final class Audiences {

    private Audiences() {
    }

    public static Audience current() {
        return Actors.role() == Role.ANONYMOUS ? Audience.PUBLIC : Audience.STAFF;
    }
}
