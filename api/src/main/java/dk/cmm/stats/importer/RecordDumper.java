package dk.cmm.stats.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Iterator;
import java.util.stream.Stream;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.codebook.Lang;

/**
 * Writes the stored records of one kind in the import format, ordered by natural key and without stamps, so that
 * a dump imported into an empty database and dumped again gives the same bytes (a workbook: the same records).
 */
@Component
public class RecordDumper {

    private final MongoTemplate mongo;
    private final Codebook codebook;

    RecordDumper(MongoTemplate mongo, Codebook codebook) {
        this.mongo = mongo;
        this.codebook = codebook;
    }

    /**
     * Writes the records of the kind (of one year, when given) and returns how many were written.
     *
     * @throws IllegalArgumentException for a year with programmes, which have none
     */
    public long dump(RecordKind kind, Integer year, DataFormat format, char separator, Writer out) {
        if (format == DataFormat.XLSX) {
            throw new IllegalArgumentException("a workbook is not text: dump it with dumpWorkbook");
        }
        long count = 0;
        try (Stream<?> records = mongo.stream(query(kind, year), kind.documentType())) {
            RecordFileWriter file = RecordFileWriter.start(out, kind, format, separator);
            Iterator<?> each = records.iterator();
            while (each.hasNext()) {
                file.write(each.next());
                count++;
            }
            file.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the dump: " + e.getMessage(), e);
        }
        return count;
    }

    /**
     * Writes the records of the kind (of one year, when given) as a workbook in the template's shape, labels in the
     * language, streaming: only a window of rows is held at a time. Returns how many records were written.
     */
    public long dumpWorkbook(RecordKind kind, Integer year, Lang lang, OutputStream out) {
        long count = 0;
        try (Stream<?> records = mongo.stream(query(kind, year), kind.documentType());
                XlsxWorkbookWriter workbook = XlsxWorkbookWriter.start(kind, lang, codebook)) {
            Iterator<?> each = records.iterator();
            while (each.hasNext()) {
                workbook.write(each.next());
                count++;
            }
            workbook.finish(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the dump: " + e.getMessage(), e);
        }
        return count;
    }

    private static Query query(RecordKind kind, Integer year) {
        Query query = new Query().with(Sort.by("_id"));
        if (year != null) {
            String field = kind.yearField().orElseThrow(() -> new IllegalArgumentException(
                    kind.optionName() + " have no year; dump them without --year"));
            query.addCriteria(Criteria.where(field).is(year));
        }
        return query;
    }
}
