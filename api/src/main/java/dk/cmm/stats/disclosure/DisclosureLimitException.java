package dk.cmm.stats.disclosure;

/** An anonymous question that disclosure control does not answer (too many dimensions, exact ages, ...). */
public class DisclosureLimitException extends RuntimeException {

    private final String field;

    public DisclosureLimitException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
