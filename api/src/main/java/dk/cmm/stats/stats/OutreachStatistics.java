package dk.cmm.stats.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import dk.cmm.stats.outreach.OutreachActivity;
import dk.cmm.stats.outreach.Programmes;
import dk.cmm.stats.person.Person;

/**
 * The outreach metrics of {@link StatsService#outreachStats}: counted in Java from one {@code find} of the
 * activities ({@link OutreachMetrics}), the persons assessed as trafficked after contact with a programme from one
 * aggregation of the persons.
 */
@Component
record OutreachStatistics(MongoTemplate mongo, Programmes programmes) {

    /** One row per combination of groupBy values that has activities, sorted by key. */
    List<OutreachRow> rows(OutreachFilter filter, List<OutreachDimension> groupBy) {
        OutreachFilter f = filter == null ? OutreachFilter.ALL : filter;
        QueryRules.checkYearRange(f.yearFrom(), f.yearTo());
        List<OutreachDimension> dims = groupBy == null ? List.of() : groupBy;
        QueryRules.checkGroupBy(dims);
        List<String> fields = new ArrayList<>(dims.stream().map(Dimension::field).toList());
        fields.addAll(OutreachMetrics.FIELDS);
        // find rather than aggregate, as for the persons' batch: an aggregation's one reply can pass the driver's limit
        Map<List<GroupKey>, OutreachMetrics.Tally> tallies = OutreachMetrics.tally(mongo.getCollection(
                OutreachActivity.COLLECTION).find(Pipelines.criteria(FilterField.OUTREACH, f))
                .projection(Pipelines.fieldsOnly(fields)).batchSize(Pipelines.READ_BATCH), dims);
        Map<List<GroupKey>, Integer> assessed = new HashMap<>();
        List<String> programmes = this.programmes.codesMatching(f.programme(), f.programmeKind(), f.city());
        if (!programmes.isEmpty()) {
            for (Document row : mongo.getCollection(Person.COLLECTION)
                    .aggregate(Pipelines.outreachAssessed(f.years(), f.yearFrom(), f.yearTo(), programmes, dims))) {
                assessed.put(Summaries.key(row.get("_id"), dims), ((Number) row.get("n")).intValue());
            }
        }
        List<OutreachRow> rows = new ArrayList<>();
        tallies.forEach((key, tally) -> rows.add(tally.row(key, assessed.getOrDefault(key, 0))));
        rows.sort(Comparator.comparing(OutreachRow::key, GroupOrder.CODES));
        return List.copyOf(rows);
    }
}
