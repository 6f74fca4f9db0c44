package dk.cmm.stats.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.hotline.HotlineCall;
import dk.cmm.stats.outreach.OutreachActivity;
import dk.cmm.stats.person.Person;

/**
 * Every statistic of the application: the GraphQL API, the CSV endpoint and the report all ask this service, so a
 * number can never differ between them. Each question is one aggregation pipeline from {@link Pipelines}, run in
 * MongoDB; only the small result is read back.
 */
@Service
public class StatsService {

    /** More dimensions than this make cells too thin to be useful, and the cross product too large. */
    public static final int MAX_GROUP_BY = 4;

    private final MongoTemplate mongo;
    private final Codebook codebook;
    private final DimensionCodes dimensionCodes;

    public StatsService(MongoTemplate mongo, Codebook codebook, DimensionCodes dimensionCodes) {
        this.mongo = mongo;
        this.codebook = codebook;
        this.dimensionCodes = dimensionCodes;
    }

    public Stats personStats(PersonFilter filter, List<PersonDimension> groupBy, boolean includeEmpty) {
        PersonFilter f = filter == null ? PersonFilter.ALL : filter;
        checkPersonFilter(f);
        checkGroupBy(groupBy);
        Document result = aggregateOne(Person.COLLECTION,
                Pipelines.breakdown(Pipelines.personMatch(f), groupBy, List.of("ageAtIdentification", "stayDays")));
        return toStats(result, groupBy, includeEmpty, summaryOf(result, "ageAtIdentification"),
                summaryOf(result, "stayDays"));
    }

    /** Years with any persons, outreach activities or hotline calls, ascending. */
    public List<Integer> years() {
        TreeSet<Integer> years = new TreeSet<>();
        years.addAll(distinctInts(Person.COLLECTION, "assessmentYear"));
        years.addAll(distinctInts(OutreachActivity.COLLECTION, "year"));
        years.addAll(distinctInts(HotlineCall.COLLECTION, "year"));
        return List.copyOf(years);
    }

    /** Years in which persons were assessed, ascending. */
    public List<Integer> assessmentYears() {
        return distinctInts(Person.COLLECTION, "assessmentYear");
    }

    private List<Integer> distinctInts(String collection, String field) {
        List<Integer> values = new ArrayList<>();
        for (Document doc : mongo.getCollection(collection).aggregate(Pipelines.distinct(field))) {
            values.add(((Number) doc.get("_id")).intValue());
        }
        return values;
    }

    Document aggregateOne(String collection, List<Document> pipeline) {
        Document first = mongo.getCollection(collection).aggregate(pipeline).allowDiskUse(true).first();
        return first == null ? new Document() : first;
    }

    Stats toStats(Document facetResult, List<? extends Dimension> groupBy, boolean includeEmpty,
            NumericSummary age, NumericSummary stayDays) {
        int total = facetResult.getList("total", Document.class, List.of()).stream()
                .findFirst().map(d -> ((Number) d.get("n")).intValue()).orElse(0);
        Map<List<GroupKey>, Integer> counts = new LinkedHashMap<>();
        for (Document group : facetResult.getList("groups", Document.class, List.of())) {
            Document id = group.get("_id", Document.class);
            List<GroupKey> key = new ArrayList<>();
            for (int i = 0; i < groupBy.size(); i++) {
                key.add(new GroupKey(groupBy.get(i).name(), String.valueOf(id.get("d" + i))));
            }
            counts.put(key, ((Number) group.get("count")).intValue());
        }
        if (includeEmpty && !groupBy.isEmpty()) {
            for (List<GroupKey> key : dimensionCodes.crossProduct(groupBy)) {
                counts.putIfAbsent(key, 0);
            }
        }
        List<Group> groups = new ArrayList<>();
        if (!groupBy.isEmpty()) {
            counts.forEach((key, count) -> groups.add(new Group(key, count, total == 0 ? 0 : (double) count / total)));
        }
        groups.sort(Comparator.comparingInt(Group::count).reversed().thenComparing(StatsService::sortableKey));
        return new Stats(total, List.copyOf(groups), age, stayDays);
    }

    /** Codes in key order, numbers padded so that 2011 < 2012 and 9 < 10 sort as numbers. */
    private static String sortableKey(Group group) {
        StringBuilder text = new StringBuilder();
        for (GroupKey key : group.key()) {
            String code = key.code();
            text.append(code.chars().allMatch(Character::isDigit) ? "%012d".formatted(Long.parseLong(code)) : code)
                    .append('\u0000');
        }
        return text.toString();
    }

    static NumericSummary summaryOf(Document facetResult, String field) {
        return facetResult.getList(field, Document.class, List.of()).stream().findFirst()
                .map(d -> new NumericSummary(((Number) d.get("count")).intValue(), number(d, "min"),
                        number(d, "max"), number(d, "mean"), number(d, "median")))
                .orElse(NumericSummary.EMPTY);
    }

    private static Double number(Document doc, String field) {
        Object value = doc.get(field);
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private void checkPersonFilter(PersonFilter f) {
        if (f.nationality() != null) {
            for (String code : f.nationality()) {
                if (codebook.country(code).isEmpty() || !code.equals(code.toUpperCase(java.util.Locale.ROOT))) {
                    throw new InvalidQueryException("filter.nationality", "Unknown nationality code '" + code
                            + "': use an ISO 3166-1 alpha-2 code in capitals, e.g. NG, RO, TH");
                }
            }
        }
        if (f.ageMin() != null && f.ageMax() != null && f.ageMin() > f.ageMax()) {
            throw new InvalidQueryException("filter.ageMin", "ageMin (" + f.ageMin() + ") is greater than ageMax ("
                    + f.ageMax() + ")");
        }
        if ((f.ageMin() != null && f.ageMin() < 0) || (f.ageMax() != null && f.ageMax() < 0)) {
            throw new InvalidQueryException("filter.ageMin", "ages cannot be negative");
        }
    }

    void checkGroupBy(List<? extends Dimension> groupBy) {
        if (groupBy.size() > MAX_GROUP_BY) {
            throw new InvalidQueryException("groupBy", "groupBy takes at most " + MAX_GROUP_BY + " dimensions, got "
                    + groupBy.size());
        }
        if (new TreeSet<>(groupBy.stream().map(Dimension::name).toList()).size() != groupBy.size()) {
            throw new InvalidQueryException("groupBy", "groupBy names a dimension twice: " + groupBy);
        }
    }
}
