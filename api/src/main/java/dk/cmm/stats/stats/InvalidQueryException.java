package dk.cmm.stats.stats;

/** A statistics query that cannot be answered as asked (an unknown code, an empty age range, too many dimensions). */
public class InvalidQueryException extends RuntimeException {

    private final String argument;

    public InvalidQueryException(String argument, String message) {
        super(message);
        this.argument = argument;
    }

    /** The argument at fault, e.g. {@code filter.nationality}. */
    public String argument() {
        return argument;
    }
}
