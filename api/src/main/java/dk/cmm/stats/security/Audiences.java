package dk.cmm.stats.security;

import dk.cmm.stats.disclosure.PublicStatistics.Audience;

/**
 * The audience of the current request, as disclosure control sees it: staff with a token, or the public. Read by
 * every HTTP feature that answers statistics (GraphQL, CSV, JSON-stat).
 */
public final class Audiences {

    private Audiences() {
    }

    public static Audience current() {
        return Actors.role() == Role.ANONYMOUS ? Audience.PUBLIC : Audience.STAFF;
    }
}
