package dk.cmm.stats.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import dk.cmm.stats.outreach.OutreachActivity;
import dk.cmm.stats.outreach.Programme;
import dk.cmm.stats.outreach.Programmes;
import dk.cmm.stats.person.Person;

/**
 * The outreach metrics of {@link StatsService#outreachStats}: counted in Java from one {@code find} of the
 * activities ({@link OutreachMetrics}), the persons assessed as trafficked after contact with a programme from one
 * aggregation of the persons. The programmes are read through {@link Programmes}: the codes a filter selects, and
 * every record when the activities are grouped by a programme's kind or city.
 */
@Component
record OutreachStatistics(MongoTemplate mongo, Programmes programmes) {

    /**
     * One row per combination of groupBy values that has activities, sorted by key. The programme fields of the
     * filter select programmes on their records, and an activity's programme kind and city are its programme
     * record's as it is now, as for the persons assessed.
     */
    List<OutreachRow> rows(OutreachFilter filter, List<OutreachDimension> groupBy) {
        OutreachFilter f = filter == null ? OutreachFilter.ALL : filter;
        QueryRules.checkYearRange(f.yearFrom(), f.yearTo());
        List<OutreachDimension> dims = groupBy == null ? List.of() : groupBy;
        QueryRules.checkGroupBy(dims);
        List<String> programmes = this.programmes.codesMatching(f.programme(), f.programmeKind(), f.city());
        Map<String, Programme> records = dims.stream().anyMatch(OutreachDimension::ofProgrammeRecord)
                ? this.programmes.all().stream().collect(Collectors.toMap(Programme::code, Function.identity()))
                : Map.of();
        List<String> fields = new ArrayList<>(dims.stream().map(OutreachDimension::activityField).distinct().toList());
        fields.addAll(OutreachMetrics.FIELDS);
        // find rather than aggregate, as for the persons' batch: an aggregation's one reply can pass the driver's limit
        Map<List<GroupKey>, OutreachMetrics.Tally> tallies = OutreachMetrics.tally(mongo.getCollection(
                OutreachActivity.COLLECTION).find(Pipelines.outreachCriteria(f, programmes))
                .projection(Pipelines.fieldsOnly(fields)).batchSize(Pipelines.READ_BATCH), dims, records);
        Map<List<GroupKey>, Integer> assessed = new HashMap<>();
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
