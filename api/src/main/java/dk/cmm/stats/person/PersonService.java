package dk.cmm.stats.person;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import dk.cmm.stats.storage.DataVersion;
import dk.cmm.stats.storage.RecordWriter;
import dk.cmm.stats.storage.Stamp;
import dk.cmm.stats.validation.RecordNotFoundException;
import dk.cmm.stats.validation.ValidationException;
import dk.cmm.stats.validation.Violation;

/** Reads and writes single person records, with the checks that need the database. */
@Service
public class PersonService {

    private final MongoTemplate mongo;
    private final DataVersion dataVersion;
    private final RecordWriter writer;

    public PersonService(MongoTemplate mongo, DataVersion dataVersion, RecordWriter writer) {
        this.mongo = mongo;
        this.dataVersion = dataVersion;
        this.writer = writer;
    }

    public Optional<Person> find(String caseRef) {
        return Optional.ofNullable(mongo.findById(caseRef, Person.class));
    }

    /**
     * Stores a new, validated person; a case reference that exists already is refused, not overwritten. A retry of
     * a create whose answer was lost (a dropped connection) finds the very record it stored: then the stored record
     * is the answer, unchanged, so {@code createPerson} is safe to retry. A different record under that case
     * reference is refused as existing.
     */
    public Person create(Person person, String who) {
        Person existing = mongo.findById(person.caseRef(), Person.class);
        if (existing != null) {
            return sameOrRefused(existing, person); // nothing written: the data version stays
        }
        Person stamped = person.withChanged(Stamp.now(who));
        String write = dataVersion.beginWrite();
        try {
            mongo.insert(stamped);
        } catch (DuplicateKeyException e) {
            // stored meanwhile (the first attempt of a retry still under way, or another caseworker)
            return sameOrRefused(mongo.findById(person.caseRef(), Person.class), person);
        } finally {
            dataVersion.endWrite(write, true);
        }
        return stamped;
    }

    private static Person sameOrRefused(Person stored, Person person) {
        if (stored != null && stored.withChanged(null).equals(person.withChanged(null))) {
            return stored; // the same record exists already, unchanged: a retry
        }
        throw new ValidationException(new Violation("caseRef", person.caseRef(), "exists already"));
    }

    /**
     * Replaces a stored person with a new, validated version and returns it as stored (with its old stamp when
     * nothing changed); a case reference that is not stored is refused.
     */
    public Person update(Person person, String who) {
        if (find(person.caseRef()).isEmpty()) {
            throw new RecordNotFoundException("person", "caseRef", person.caseRef());
        }
        return writer.upsert(person, who);
    }
}
