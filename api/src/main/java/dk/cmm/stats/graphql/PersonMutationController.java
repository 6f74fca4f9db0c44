package dk.cmm.stats.graphql;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import dk.cmm.stats.importer.RecordFields;
import dk.cmm.stats.importer.RecordKind;
import dk.cmm.stats.person.Person;
import dk.cmm.stats.person.PersonService;
import dk.cmm.stats.validation.RecordNotFoundException;

/** Recording and changing persons: {@code createPerson}, {@code updatePerson}, and the stamp fields of Person. */
@Controller
class PersonMutationController {

    private final Recorder recorder;
    private final PersonService persons;
    private final CurrentActor actor;

    PersonMutationController(Recorder recorder, PersonService persons, CurrentActor actor) {
        this.recorder = recorder;
        this.persons = persons;
        this.actor = actor;
    }

    @MutationMapping
    Person createPerson(@Argument Map<String, Object> input) {
        return persons.create(recorder.validate(RecordKind.PERSONS, input, Person.class), actor.name());
    }

    @MutationMapping
    Person updatePerson(@Argument String caseRef, @Argument Map<String, Object> changes) {
        Person stored = persons.find(caseRef)
                .orElseThrow(() -> new RecordNotFoundException("person", "caseRef", caseRef));
        Map<String, Object> fields = new LinkedHashMap<>(RecordFields.of(stored));
        fields.putAll(changes);
        return persons.update(recorder.validate(RecordKind.PERSONS, fields, Person.class), actor.name());
    }

}
