package dk.cmm.stats.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;

import org.bson.Document;

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

    /** Records per read. */
    static final int PAGE = 5_000;

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
        try {
            RecordFileWriter file = RecordFileWriter.start(out, kind, format, separator);
            Iterator<?> each = records(kind, year);
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
        try (XlsxWorkbookWriter workbook = XlsxWorkbookWriter.start(kind, lang, codebook)) {
            Iterator<?> each = records(kind, year);
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

    /**
     * The records in natural-key order, read in pages of {@link #PAGE} by {@code _id}: the embedded server answers a
     * find in one reply whatever the batch size, and the driver refuses a reply over 48 MB (200,000 persons are 95).
     */
    private Iterator<Object> records(RecordKind kind, Integer year) {
        String collection = mongo.getCollectionName(kind.documentType());
        return new Iterator<>() {
            private Object last;
            private Iterator<Document> page = java.util.Collections.emptyIterator();
            private boolean done;

            @Override
            public boolean hasNext() {
                if (!page.hasNext() && !done) {
                    Query query = query(kind, year).limit(PAGE);
                    if (last != null) {
                        query.addCriteria(Criteria.where("_id").gt(last));
                    }
                    List<Document> documents = mongo.find(query, Document.class, collection);
                    done = documents.size() < PAGE;
                    if (!documents.isEmpty()) {
                        last = documents.get(documents.size() - 1).get("_id");
                    }
                    page = documents.iterator();
                }
                return page.hasNext();
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return mongo.getConverter().read(kind.documentType(), page.next());
            }
        };
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
