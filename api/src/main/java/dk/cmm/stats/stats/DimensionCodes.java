package dk.cmm.stats.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.codebook.Country;
import dk.cmm.stats.outreach.Programme;

/**
 * All codes a dimension can take, for {@code includeEmpty} and the codebook query: code lists from the codebook,
 * countries, programmes and cities from the programme records, years from the data, months 1-12. Cached per data
 * version like every statistic: the years come from a scan of the records, and every breakdown by year that names
 * years asks for them (to tell a year without records from a zero), the report some fifty times.
 */
@Component
public class DimensionCodes {

    private final Codebook codebook;
    private final MongoTemplate mongo;

    public DimensionCodes(Codebook codebook, MongoTemplate mongo) {
        this.codebook = codebook;
        this.mongo = mongo;
    }

    @Cacheable(cacheNames = StatsCache.CODES, keyGenerator = StatsCache.KEYS, sync = true)
    public List<String> codes(Dimension dimension) {
        if (dimension.codeList() != null) {
            return dimension.codeList().codes();
        }
        return switch (dimension.name()) {
            case "NATIONALITY" -> codebook.countries().stream().map(Country::code).toList();
            case "CONTACT_PROGRAMME", "PROGRAMME" -> programmes().stream().map(Programme::code).toList();
            case "CITY" -> programmes().stream().map(Programme::city).filter(c -> c != null).distinct().sorted()
                    .toList();
            case "MONTH" -> IntStream.rangeClosed(1, 12).mapToObj(Integer::toString).toList();
            case "ASSESSMENT_YEAR" -> distinctYears("persons", "assessmentYear");
            case "OUTCOME_YEAR" -> distinctYears("persons", "outcomeYear");
            case "YEAR" -> dimension instanceof HotlineDimension ? distinctYears("hotlineCalls", "year")
                    : distinctYears("outreachActivities", "year");
            default -> throw new IllegalArgumentException("no codes for dimension " + dimension.name());
        };
    }

    private List<Programme> programmes() {
        return mongo.findAll(Programme.class).stream()
                .sorted(java.util.Comparator.comparing(Programme::code)).toList();
    }

    private List<String> distinctYears(String collection, String field) {
        List<String> years = new ArrayList<>();
        for (org.bson.Document doc : mongo.getCollection(collection).aggregate(Pipelines.distinct(field))) {
            years.add(String.valueOf(((Number) doc.get("_id")).intValue()));
        }
        return years;
    }
}
