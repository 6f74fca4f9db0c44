package dk.cmm.stats.stats;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import com.mongodb.client.MongoCollection;

import dk.cmm.stats.person.Person;

/**
 * Person records a page at a time, in case-reference order, selected by the same filter and the same
 * {@code $match} as the statistics, so a list and a count of the same filter always agree. A page reads only
 * itself: the cursor is part of the first {@code $match} ({@code _id > after}, on the {@code _id} index), then
 * {@code $sort} and {@code $limit}; the total and whether anything lies before the cursor are two more small
 * queries. (The three are separate reads: a write between them can make the total disagree with the page by that
 * write, as with any paged listing.)
 */
@Service
public class PersonListing {

    /** The largest page a caller may ask for. */
    public static final int MAX_PAGE_SIZE = 500;

    private final MongoTemplate mongo;
    private final QueryRules rules;

    public PersonListing(MongoTemplate mongo, QueryRules rules) {
        this.mongo = mongo;
        this.rules = rules;
    }

    /**
     * Up to {@code size} persons whose case reference sorts after {@code afterCaseRef} (from the start when null).
     *
     * @throws InvalidQueryException for a page size outside 1..{@value #MAX_PAGE_SIZE} or an invalid filter
     */
    public Page page(PersonFilter filter, String afterCaseRef, int size) {
        PersonFilter f = filter == null ? PersonFilter.ALL : filter;
        rules.checkPersonFilter(f);
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidQueryException("first", "first must be between 1 and " + MAX_PAGE_SIZE + ", got " + size);
        }
        MongoCollection<Document> persons = mongo.getCollection(Person.COLLECTION);
        List<Person> page = new ArrayList<>();
        for (Document doc : persons.aggregate(Pipelines.personPage(f, afterCaseRef, size + 1))) {
            page.add(mongo.getConverter().read(Person.class, doc));
        }
        boolean hasNext = page.size() > size;
        boolean hasPrevious = afterCaseRef != null
                && persons.aggregate(Pipelines.personBefore(f, afterCaseRef)).first() != null;
        Document count = persons.aggregate(Pipelines.personCount(f)).first();
        return new Page(List.copyOf(hasNext ? page.subList(0, size) : page), hasPrevious, hasNext,
                count == null ? 0 : ((Number) count.get("n")).intValue());
    }

    /** One page: its persons, whether matches lie before and after it, and how many match in all. */
    public record Page(List<Person> persons, boolean hasPrevious, boolean hasNext, int totalCount) {
    }
}
