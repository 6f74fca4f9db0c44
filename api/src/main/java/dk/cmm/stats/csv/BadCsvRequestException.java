package dk.cmm.stats.csv;

/** A CSV request whose parameters cannot be read; answered with HTTP 400 and the message. */
class BadCsvRequestException extends RuntimeException {

    BadCsvRequestException(String message) {
        super(message);
    }
}
