package dk.cmm.stats.importer;

import java.nio.file.Files;
import java.nio.file.Path;

/** A file to import: where it is, what kind of records it holds, and in which format. */
public record ImportFile(Path path, RecordKind kind, DataFormat format) {

    /**
     * The file with its format told by its extension and its kind by {@code kind} or else by its name.
     *
     * @throws IllegalArgumentException with a message for staff when the file is missing or neither tells
     */
    public static ImportFile of(Path path, RecordKind kind) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("There is no file " + path);
        }
        DataFormat format = DataFormat.of(path).orElseThrow(() -> new IllegalArgumentException(
                path + " is neither a .csv nor a .jsonl file"));
        RecordKind fileKind = kind != null ? kind : RecordKind.ofFileName(path.getFileName().toString())
                .orElseThrow(() -> new IllegalArgumentException("Cannot tell what " + path + " holds from its name; "
                        + "name it after its kind (e.g. persons.csv, persons-2013.csv) or give --kind ("
                        + RecordKind.optionNames() + ")"));
        return new ImportFile(path, fileKind, format);
    }

    /** The name problems are reported under, as the file was given. */
    public String name() {
        return path.toString();
    }
}
