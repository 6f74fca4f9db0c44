package dk.cmm.stats.stats;

import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoCollection;

import dk.cmm.stats.person.Person;

/**
 * The statistics pipelines for use outside the service, exactly as the service runs them: the benchmark runs them
 * straight through the MongoDB driver to measure what the API adds on top, and explains them to choose indexes.
 */
public final class DirectQueries {

    private DirectQueries() {
    }

    /** The collection {@link #personStats} runs on. */
    public static final String PERSONS = Person.COLLECTION;

    /**
     * The group counts' pipeline of {@link StatsService#personStats} for this filter and grouping: the one that
     * grows with the data (its frequency tables are a second, small aggregation on the same {@code $match}).
     */
    public static List<Document> personStats(PersonFilter filter, List<PersonDimension> groupBy) {
        return Pipelines.groups(match(filter), groupBy);
    }

    /**
     * Runs both aggregations of {@link StatsService#personStats} through the driver, reading every row (the groups'
     * cursor to its end, the frequency tables' one document), and returns how many rows came back.
     */
    public static int runPersonStats(MongoCollection<Document> persons, PersonFilter filter,
            List<PersonDimension> groupBy) {
        int rows = 0;
        for (Document ignored : persons.aggregate(Pipelines.groups(match(filter), groupBy)).allowDiskUse(true)) {
            rows++;
        }
        Document tables = persons.aggregate(Pipelines.summaries(match(filter), StatsService.PERSON_SUMMARIES))
                .allowDiskUse(true).first();
        return tables == null ? rows : rows + 1;
    }

    private static Document match(PersonFilter filter) {
        return Pipelines.personMatch(filter == null ? PersonFilter.ALL : filter);
    }
}
