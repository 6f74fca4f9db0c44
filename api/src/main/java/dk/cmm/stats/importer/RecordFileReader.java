package dk.cmm.stats.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.util.function.Consumer;

/** Reads an import file of any format, record by record, in bounded memory: the importer's one way into files. */
final class RecordFileReader {

    private RecordFileReader() {
    }

    /** How many lines (rows of a sheet) the file has, for a progress bar's length. */
    static long length(ImportFile file) {
        return file.format() == DataFormat.XLSX ? XlsxRecordReader.rows(file) : TextScan.of(file.path()).lines();
    }

    /** Reads every record into the sink, and every problem of the file's form (not its values) into problems. */
    static void read(ImportFile file, Consumer<ReadRecord> sink, Consumer<RowProblem> problems) {
        if (file.format() == DataFormat.XLSX) {
            XlsxRecordReader.read(file, sink, problems);
            return;
        }
        try (InputStream in = Files.newInputStream(file.path());
                Reader reader = new InputStreamReader(in, file.encoding().newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            if (file.format() == DataFormat.CSV) {
                CsvRecordReader.read(file.name(), reader, file.readAs(), file.kind(), sink, problems);
            } else {
                JsonLinesReader.forEach(file.name(), reader, row -> sink.accept(ReadRecord.of(row)), problems);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.name() + ": " + e.getMessage(), e);
        }
    }
}
