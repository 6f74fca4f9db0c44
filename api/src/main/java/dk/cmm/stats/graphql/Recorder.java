package dk.cmm.stats.graphql;

import java.util.Map;

import org.springframework.stereotype.Component;

import dk.cmm.stats.importer.RecordKind;
import dk.cmm.stats.importer.RecordValidation;
import dk.cmm.stats.storage.RecordWriter;
import dk.cmm.stats.storage.Stamped;

/**
 * Validates a mutation's input with the importer's validators and upserts the record on its natural key, stamped
 * with the current actor; returns the record as stored.
 */
@Component
class Recorder {

    private final RecordValidation validation;
    private final RecordWriter writer;
    private final CurrentActor actor;

    Recorder(RecordValidation validation, RecordWriter writer, CurrentActor actor) {
        this.validation = validation;
        this.writer = writer;
        this.actor = actor;
    }

    /** The validated record (throws a ValidationException listing every problem). */
    <T> T validate(RecordKind kind, Map<String, ?> input, Class<T> type) {
        return type.cast(validation.batch().validate(kind, input));
    }

    <T extends Stamped<T>> T record(RecordKind kind, Map<String, ?> input, Class<T> type) {
        return writer.upsert(validate(kind, input, type), actor.name());
    }
}
