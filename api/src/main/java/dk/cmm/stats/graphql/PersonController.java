package dk.cmm.stats.graphql;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import dk.cmm.stats.person.Person;

/** The fields of {@code Person} that are not plain record components: who changed it last, and when. */
@Controller
class PersonController {

    @SchemaMapping
    String changedBy(Person person) {
        return person.changed() == null ? null : person.changed().by();
    }

    /** ISO 8601 in UTC, e.g. {@code 2026-01-31T09:15:00Z}. */
    @SchemaMapping
    String changedAt(Person person) {
        return person.changed() == null ? null : person.changed().at().toString();
    }
}
