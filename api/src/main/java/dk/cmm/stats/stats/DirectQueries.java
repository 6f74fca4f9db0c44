package dk.cmm.stats.stats;

import java.util.List;

import org.bson.Document;

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

    /** The one pipeline of {@link StatsService#personStats} for this filter and grouping. */
    public static List<Document> personStats(PersonFilter filter, List<PersonDimension> groupBy) {
        return Pipelines.breakdown(Pipelines.personMatch(filter == null ? PersonFilter.ALL : filter), groupBy,
                StatsService.PERSON_SUMMARIES);
    }
}
