package dk.cmm.stats.report;

/** The report cannot be exported; the message says why in words for the person running the command. */
public class ReportException extends RuntimeException {

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
