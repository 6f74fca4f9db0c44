package dk.cmm.stats.importer;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file to import: where it is, what kind of records it holds, in which format, and how it is read: a text file's
 * encoding (UTF-8 or Windows-1252, told by its bytes), a workbook's sheet.
 */
public record ImportFile(Path path, RecordKind kind, DataFormat format, Charset encoding, String sheet) {

    /**
     * The file with its format told by its extension, its kind by {@code kind} or else by its name, and its encoding
     * or sheet by its content.
     *
     * @throws IllegalArgumentException with a message for staff when the file is missing, neither tells, or the
     *     file is not what its name says (a binary file named .csv, a .xlsx that is no workbook)
     */
    public static ImportFile of(Path path, RecordKind kind) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("There is no file " + path);
        }
        DataFormat format = DataFormat.of(path).orElseThrow(() -> new IllegalArgumentException(
                path + " is neither a .csv, a .jsonl nor a .xlsx file"));
        RecordKind fileKind = kind != null ? kind : RecordKind.ofFileName(path.getFileName().toString())
                .orElseThrow(() -> new IllegalArgumentException("Cannot tell what " + path + " holds from its name; "
                        + "name it after its kind (e.g. persons.csv, persons-2013.xlsx) or give --kind ("
                        + RecordKind.optionNames() + ")"));
        if (format == DataFormat.XLSX) {
            return new ImportFile(path, fileKind, format, null, XlsxRecordReader.sheetOf(path, fileKind));
        }
        TextScan text = TextScan.of(path);
        text.refusal().ifPresent(why -> {
            throw new RefusedFileException(path, why);
        });
        if (format == DataFormat.JSONL && !text.encoding().equals(java.nio.charset.StandardCharsets.UTF_8)) {
            throw new RefusedFileException(path, "is not UTF-8 text, which JSON Lines always are");
        }
        return new ImportFile(path, fileKind, format, text.encoding(), null);
    }

    /** The name problems are reported under, as the file was given. */
    public String name() {
        return path.toString();
    }

    /** How the file was read, for the import's report: {@code UTF-8}, {@code Windows-1252}, {@code sheet persons}. */
    public String readAs() {
        return encoding != null ? (encoding.equals(TextScan.WINDOWS_1252) ? "Windows-1252" : encoding.name())
                : "sheet " + sheet;
    }
}
