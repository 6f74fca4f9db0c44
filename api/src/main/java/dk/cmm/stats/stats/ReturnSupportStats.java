package dk.cmm.stats.stats;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import dk.cmm.stats.person.Person;

/**
 * How many of the persons a filter selects had a return supported by the centre at the level of an IOM prepared
 * return ({@code returnSupportEquivalentToIom}), a flag that is no grouping dimension of {@link StatsService}. Kept
 * beside it, on the same {@code $match}, so the report asks the statistics package for every number it prints.
 */
@Service
public class ReturnSupportStats {

    private final MongoTemplate mongo;

    public ReturnSupportStats(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Persons matching the filter whose return support was equivalent to an IOM prepared return. */
    public int equivalentToIom(PersonFilter filter) {
        Document match = Pipelines.personMatch(filter == null ? PersonFilter.ALL : filter);
        match.get("$match", Document.class).append("returnSupportEquivalentToIom", true);
        Document first = mongo.getCollection(Person.COLLECTION)
                .aggregate(java.util.List.of(match, new Document("$count", "n"))).first();
        return first == null ? 0 : ((Number) first.get("n")).intValue();
    }
}
