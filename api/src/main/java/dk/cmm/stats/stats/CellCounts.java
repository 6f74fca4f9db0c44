package dk.cmm.stats.stats;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * The exact joint counts disclosure control publishes from: per combination of the given stored fields of one
 * year's records, how many there are. One pipeline ({@link Pipelines#cellCounts}) per year and subject; the rows are
 * decoded here, so no BSON leaves {@code stats}.
 */
@Service
public class CellCounts {

    private final MongoTemplate mongo;

    public CellCounts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The joint counts of the fields over the records whose {@code yearField} is {@code year} (all if null). */
    public List<CellCount> of(String collection, String yearField, Integer year, List<String> fields) {
        java.util.Map<List<String>, Long> counts = new java.util.LinkedHashMap<>();
        for (Document row : mongo.getCollection(collection).aggregate(Pipelines.cellCounts(yearField, year, fields))
                .allowDiskUse(true)) {
            Document id = row.get("_id", Document.class);
            List<String> values = new ArrayList<>(fields.size());
            for (int i = 0; i < fields.size(); i++) {
                values.add(code(id == null ? null : id.get("f" + i)));
            }
            // summed: rows a server kept apart (2013 and 2013.0) are one code
            counts.merge(List.copyOf(values), ((Number) row.get("n")).longValue(), Long::sum);
        }
        List<CellCount> cells = new ArrayList<>();
        counts.forEach((values, n) -> cells.add(new CellCount(values, n)));
        return cells;
    }

    /** Distinct values of a field, as codes, ascending. */
    public List<String> distinct(String collection, String field) {
        List<String> values = new ArrayList<>();
        for (Document row : mongo.getCollection(collection).aggregate(Pipelines.distinct(field))) {
            String code = code(row.get("_id"));
            if (!values.contains(code)) {
                values.add(code);
            }
        }
        return values;
    }

    private static String code(Object value) {
        if (value == null) {
            return dk.cmm.stats.codebook.Codebook.UNKNOWN;
        }
        return Summaries.code(value);
    }
}
