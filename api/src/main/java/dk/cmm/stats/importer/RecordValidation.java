package dk.cmm.stats.importer;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.hotline.HotlineCallValidator;
import dk.cmm.stats.outreach.OutreachActivityValidator;
import dk.cmm.stats.outreach.Programme;
import dk.cmm.stats.outreach.ProgrammeValidator;
import dk.cmm.stats.person.PersonValidator;
import dk.cmm.stats.yearnote.YearNoteValidator;

/**
 * Validates raw records of any kind with that kind's validator: the same rules for bundled data, file imports and
 * GraphQL mutations.
 */
@Component
public class RecordValidation {

    private final Codebook codebook;
    private final MongoTemplate mongo;

    public RecordValidation(Codebook codebook, MongoTemplate mongo) {
        this.codebook = codebook;
        this.mongo = mongo;
    }

    /** Starts a batch: reads the stored programmes once, for checking the programme codes records name. */
    public Batch batch() {
        Set<String> programmes = new HashSet<>();
        mongo.findAll(Programme.class).forEach(p -> programmes.add(p.code()));
        return new Batch(programmes);
    }

    /** Validation of records written together; programmes validated in the batch count as known for the rest. */
    public final class Batch {

        private final Set<String> programmes;
        private final ProgrammeValidator programmeValidator = new ProgrammeValidator(codebook);
        private final PersonValidator personValidator;
        private final OutreachActivityValidator activityValidator;
        private final HotlineCallValidator callValidator = new HotlineCallValidator(codebook);
        private final YearNoteValidator yearNoteValidator = new YearNoteValidator(codebook);

        private Batch(Set<String> programmes) {
            this.programmes = programmes;
            this.personValidator = new PersonValidator(codebook, programmes::contains);
            this.activityValidator = new OutreachActivityValidator(codebook, programmes::contains);
        }

        public Object validate(RecordKind kind, Map<String, ?> fields) {
            return switch (kind) {
                case PROGRAMMES -> {
                    Programme programme = programmeValidator.validate(fields);
                    programmes.add(programme.code());
                    yield programme;
                }
                case PERSONS -> personValidator.validate(fields);
                case ACTIVITIES -> activityValidator.validate(fields);
                case HOTLINE -> callValidator.validate(fields);
                case YEAR_NOTES -> yearNoteValidator.validate(fields);
            };
        }
    }
}
