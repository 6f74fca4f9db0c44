package dk.cmm.stats.importer;

import java.util.List;

import dk.cmm.stats.hotline.HotlineCall;
import dk.cmm.stats.hotline.HotlineCallValidator;
import dk.cmm.stats.outreach.OutreachActivity;
import dk.cmm.stats.outreach.OutreachActivityValidator;
import dk.cmm.stats.outreach.Programme;
import dk.cmm.stats.outreach.ProgrammeValidator;
import dk.cmm.stats.person.Person;
import dk.cmm.stats.person.PersonValidator;
import dk.cmm.stats.yearnote.YearNote;
import dk.cmm.stats.yearnote.YearNoteValidator;

/**
 * The kinds of record that can be loaded, imported and dumped, in the order they must be written: programmes
 * before the persons and activities that name them.
 */
public enum RecordKind {
    PROGRAMMES("programmes", Programme.class, ProgrammeValidator.FIELDS),
    PERSONS("persons", Person.class, PersonValidator.FIELDS),
    ACTIVITIES("outreach-activities", OutreachActivity.class, OutreachActivityValidator.FIELDS),
    HOTLINE("hotline-calls", HotlineCall.class, HotlineCallValidator.FIELDS),
    YEAR_NOTES("year-notes", YearNote.class, YearNoteValidator.FIELDS);

    private final String fileName;
    private final Class<?> documentType;
    private final List<String> fields;

    RecordKind(String fileName, Class<?> documentType, List<String> fields) {
        this.fileName = fileName;
        this.documentType = documentType;
        this.fields = fields;
    }

    /** The base name of this kind's files, e.g. {@code persons} for persons.jsonl / persons.csv. */
    public String fileName() {
        return fileName;
    }

    public Class<?> documentType() {
        return documentType;
    }

    /** The fields of a record, in file column order. */
    public List<String> fields() {
        return fields;
    }
}
