package dk.cmm.stats.validation;

/** A change named a record by its natural key, and there is no such record. */
public class RecordNotFoundException extends RuntimeException {

    private final String field;
    private final String value;

    /**
     * @param what  the kind of record, e.g. "person"
     * @param field the natural key's field, e.g. "caseRef"
     * @param value the key given
     */
    public RecordNotFoundException(String what, String field, String value) {
        super("There is no " + what + " with " + field + " '" + value + "'");
        this.field = field;
        this.value = value;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }
}
