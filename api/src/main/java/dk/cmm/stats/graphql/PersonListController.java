package dk.cmm.stats.graphql;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import dk.cmm.stats.person.Person;
import dk.cmm.stats.stats.PersonFilter;
import dk.cmm.stats.stats.PersonListing;

/**
 * The {@code persons} query: person records a page at a time, for the centre's staff. Kept apart from the
 * statistics, which anyone may read, so that the security issue can guard record access here alone.
 */
@Controller
class PersonListController {

    static final int DEFAULT_PAGE_SIZE = 50;

    private final PersonListing listing;

    PersonListController(PersonListing listing) {
        this.listing = listing;
    }

    @QueryMapping
    PersonConnection persons(@Argument PersonFilter filter, @Argument Integer first, @Argument String after) {
        String afterCaseRef = after == null ? null : PersonCursor.decode(after);
        PersonListing.Page page = listing.page(filter, afterCaseRef, first == null ? DEFAULT_PAGE_SIZE : first);
        List<PersonEdge> edges = page.persons().stream()
                .map(person -> new PersonEdge(PersonCursor.encode(person.caseRef()), person))
                .toList();
        PageInfo pageInfo = new PageInfo(page.hasPrevious(), page.hasNext(),
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new PersonConnection(edges, pageInfo, page.totalCount());
    }

    /** The schema's {@code PersonConnection} (the name must end in Connection for spring-graphql to pass it on). */
    record PersonConnection(List<PersonEdge> edges, PageInfo pageInfo, int totalCount) {
    }

    record PersonEdge(String cursor, Person node) {
    }

    record PageInfo(boolean hasPreviousPage, boolean hasNextPage, String startCursor, String endCursor) {
    }
}
