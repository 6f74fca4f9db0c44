package dk.cmm.stats.person;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import dk.cmm.stats.storage.DataVersion;
import dk.cmm.stats.storage.Stamp;
import dk.cmm.stats.validation.ValidationException;
import dk.cmm.stats.validation.Violation;

/** Reads and writes single person records, with the checks that need the database. */
@Service
public class PersonService {

    private final MongoTemplate mongo;
    private final DataVersion dataVersion;

    public PersonService(MongoTemplate mongo, DataVersion dataVersion) {
        this.mongo = mongo;
        this.dataVersion = dataVersion;
    }

    public Optional<Person> find(String caseRef) {
        return Optional.ofNullable(mongo.findById(caseRef, Person.class));
    }

    /** Stores a new, validated person; a case reference that exists already is refused, not overwritten. */
    public Person create(Person person, String who) {
        Person stamped = person.withChanged(Stamp.now(who));
        try {
            mongo.insert(stamped);
        } catch (DuplicateKeyException e) {
            throw new ValidationException(new Violation("caseRef", person.caseRef(), "exists already"));
        }
        dataVersion.bump();
        return stamped;
    }
}
