package dk.cmm.stats.graphql;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import dk.cmm.stats.person.Person;
import dk.cmm.stats.stats.PersonFilter;
import dk.cmm.stats.stats.PersonListing;

/**
 * The {@code persons} query: person records a page at a time, for the centre's staff (the field guard of
 * {@code security.FieldPolicy} lets caseworkers and above in, and audits every call), and {@code Person.id}.
 */
@Controller
class PersonListController {

    static final int DEFAULT_PAGE_SIZE = 50;

    private final PersonListing listing;
    private final PersonCursor cursors;

    PersonListController(PersonListing listing, PersonCursor cursors) {
        this.listing = listing;
        this.cursors = cursors;
    }

    @QueryMapping
    PersonConnection persons(@Argument PersonFilter filter, @Argument Integer first, @Argument String after) {
        String afterCaseRef = after == null ? null : cursors.decode(after);
        PersonListing.Page page = listing.page(filter, afterCaseRef, first == null ? DEFAULT_PAGE_SIZE : first);
        List<PersonEdge> edges = page.persons().stream()
                .map(person -> new PersonEdge(cursors.encode(person.caseRef()), person))
                .toList();
        PageInfo pageInfo = new PageInfo(page.hasPrevious(), page.hasNext(),
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new PersonConnection(edges, pageInfo, page.totalCount());
    }

    /** {@code Person.id}: the case reference, stable for the record's life, for normalised client caches. */
    @SchemaMapping
    String id(Person person) {
        return person.caseRef();
    }

    /** The schema's {@code PersonConnection} (the name must end in Connection for spring-graphql to pass it on). */
    record PersonConnection(List<PersonEdge> edges, PageInfo pageInfo, int totalCount) {
    }

    record PersonEdge(String cursor, Person node) {
    }

    record PageInfo(boolean hasPreviousPage, boolean hasNextPage, String startCursor, String endCursor) {
    }
}
