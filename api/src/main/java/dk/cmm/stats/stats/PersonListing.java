package dk.cmm.stats.stats;

import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import dk.cmm.stats.person.Person;

/**
 * Person records a page at a time, in case-reference order, selected by the same filter and the same
 * {@code $match} as the statistics, so a list and a count of the same filter always agree.
 */
@Service
public class PersonListing {

    /** The largest page a caller may ask for. */
    public static final int MAX_PAGE_SIZE = 500;

    private final MongoTemplate mongo;
    private final StatsService stats;

    public PersonListing(MongoTemplate mongo, StatsService stats) {
        this.mongo = mongo;
        this.stats = stats;
    }

    /**
     * Up to {@code size} persons whose case reference sorts after {@code afterCaseRef} (from the start when null).
     *
     * @throws InvalidQueryException for a page size outside 1..{@value #MAX_PAGE_SIZE} or an invalid filter
     */
    public Page page(PersonFilter filter, String afterCaseRef, int size) {
        PersonFilter f = filter == null ? PersonFilter.ALL : filter;
        stats.checkPersonFilter(f);
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidQueryException("first", "first must be between 1 and " + MAX_PAGE_SIZE + ", got " + size);
        }
        Document result = stats.aggregateOne(Person.COLLECTION, Pipelines.personPage(f, afterCaseRef, size + 1));
        List<Person> persons = result.getList("page", Document.class, List.of()).stream()
                .map(doc -> mongo.getConverter().read(Person.class, doc))
                .toList();
        boolean hasNext = persons.size() > size;
        return new Page(hasNext ? persons.subList(0, size) : persons, count(result, "before") > 0, hasNext,
                count(result, "total"));
    }

    private static int count(Document facetResult, String facet) {
        return facetResult.getList(facet, Document.class, List.of()).stream().findFirst()
                .map(d -> ((Number) d.get("n")).intValue()).orElse(0);
    }

    /** One page: its persons, whether matches lie before and after it, and how many match in all. */
    public record Page(List<Person> persons, boolean hasPrevious, boolean hasNext, int totalCount) {
    }
}
