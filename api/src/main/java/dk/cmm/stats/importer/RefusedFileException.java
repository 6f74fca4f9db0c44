package dk.cmm.stats.importer;

/**
 * A file that cannot be read as what its name says (not text, neither UTF-8 nor Windows-1252, a damaged or hostile
 * workbook): refused whole, before anything is written, in one line for staff. It is a problem of the file, not of
 * the command line (exit 1, not 2), and it never carries a library's own message (POI's zip bomb text tells the
 * user to weaken a safety setting).
 */
public class RefusedFileException extends IllegalArgumentException {

    RefusedFileException(Object file, String why) {
        super(file + " " + why + "; nothing was written");
    }

    RefusedFileException(Object file, String why, Throwable cause) {
        super(file + " " + why + "; nothing was written", cause);
    }

    /** What a failure of POI says about the workbook, in our words. */
    static String workbookProblem(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e.getMessage() != null && e.getMessage().contains("Zip bomb")) {
                return "is not a workbook that can be imported: it expands to far more data than its size "
                        + "(a zip bomb, or a damaged file); save it again from Excel as \"Excel-projektmappe "
                        + "(.xlsx)\"";
            }
        }
        return "is not an Excel workbook (.xlsx) that can be read (its zip container or its XML is damaged or "
                + "truncated, or it has a password): in Excel, save it as \"Excel-projektmappe (.xlsx)\" without a "
                + "password";
    }
}
