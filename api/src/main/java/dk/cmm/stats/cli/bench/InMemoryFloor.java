package dk.cmm.stats.cli.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;

/**
 * The limit the API's aggregation is measured against: the bench's breakdown (persons of the years by REGION and
 * EXPLOITATION, absent codes as {@code UNKNOWN}, with the age summary and its median) computed in plain Java over the
 * very documents, read once from the database and held in a {@code List}. Nothing can answer an uncached breakdown
 * faster than reading every document once, so the API's time over this is its distance from the floor.
 */
final class InMemoryFloor {

    private final List<Document> documents;
    private final Set<Integer> years;
    private int matched;
    private int groups;

    private InMemoryFloor(List<Document> documents, Set<Integer> years) {
        this.documents = documents;
        this.years = years;
    }

    /** Reads the persons once (the fields the breakdown reads), outside the timing. */
    static InMemoryFloor load(MongoCollection<Document> persons, List<Integer> years) {
        List<Document> documents = persons.find().projection(Projections.include("assessmentYear", "region",
                "exploitation", "ageAtIdentification")).into(new ArrayList<>());
        return new InMemoryFloor(documents, new HashSet<>(years));
    }

    /** One breakdown: counts per (region, exploitation), the total, and the ages' min, max, mean and median. */
    Map<String, Integer> breakdown() {
        Map<String, Integer> counts = new HashMap<>();
        int[] ages = new int[documents.size()];
        int n = 0;
        int total = 0;
        for (Document d : documents) {
            Object year = d.get("assessmentYear");
            if (!(year instanceof Number y) || !years.contains(y.intValue())) {
                continue;
            }
            total++;
            counts.merge(code(d, "region") + '\u0000' + code(d, "exploitation"), 1, Integer::sum);
            if (d.get("ageAtIdentification") instanceof Number age) {
                ages[n++] = age.intValue();
            }
        }
        Arrays.sort(ages, 0, n);
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += ages[i];
        }
        counts.put("total", total);
        counts.put("ageMedianTimes2", n == 0 ? 0 : ages[(n - 1) / 2] + ages[n / 2]);
        counts.put("ageMeanFloor", n == 0 ? 0 : (int) (sum / n));
        counts.put("ageRange", n == 0 ? 0 : ages[n - 1] - ages[0]);
        matched = total;
        groups = counts.size() - 4;
        return counts;
    }

    private static String code(Document d, String field) {
        Object value = d.get(field);
        return value == null ? "UNKNOWN" : value.toString();
    }

    int documents() {
        return documents.size();
    }

    int matched() {
        return matched;
    }

    int groups() {
        return groups;
    }
}
