package dk.cmm.stats.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.stream.Stream;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Writes the stored records of one kind in the import format, ordered by natural key and without stamps, so that
 * a dump imported into an empty database and dumped again gives the same bytes.
 */
@Component
public class RecordDumper {

    private final MongoTemplate mongo;

    RecordDumper(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Writes the records of the kind (of one year, when given) and returns how many were written.
     *
     * @throws IllegalArgumentException for a year with programmes, which have none
     */
    public long dump(RecordKind kind, Integer year, DataFormat format, char separator, Writer out) {
        Query query = new Query().with(Sort.by("_id"));
        if (year != null) {
            String field = kind.yearField().orElseThrow(() -> new IllegalArgumentException(
                    kind.optionName() + " have no year; dump them without --year"));
            query.addCriteria(Criteria.where(field).is(year));
        }
        long count = 0;
        try (Stream<?> records = mongo.stream(query, kind.documentType())) {
            RecordFileWriter file = RecordFileWriter.start(out, kind, format, separator);
            java.util.Iterator<?> each = records.iterator();
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
}
