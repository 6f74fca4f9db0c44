package dk.cmm.stats.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
    PROGRAMMES("programmes", "programmes", Programme.class, ProgrammeValidator.FIELDS, null),
    PERSONS("persons", "persons", Person.class, PersonValidator.FIELDS, "assessmentYear"),
    ACTIVITIES("outreach-activities", "activities", OutreachActivity.class, OutreachActivityValidator.FIELDS, "year"),
    HOTLINE("hotline-calls", "hotline", HotlineCall.class, HotlineCallValidator.FIELDS, "year"),
    YEAR_NOTES("year-notes", "year-notes", YearNote.class, YearNoteValidator.FIELDS, "_id");

    private final String fileName;
    private final String optionName;
    private final Class<?> documentType;
    private final List<String> fields;
    private final String yearField;

    RecordKind(String fileName, String optionName, Class<?> documentType, List<String> fields, String yearField) {
        this.fileName = fileName;
        this.optionName = optionName;
        this.documentType = documentType;
        this.fields = fields;
        this.yearField = yearField;
    }

    /** The base name of this kind's files, e.g. {@code persons} for persons.jsonl / persons.csv. */
    public String fileName() {
        return fileName;
    }

    /** The kind's name on the command line ({@code --kind activities}). */
    public String optionName() {
        return optionName;
    }

    public Class<?> documentType() {
        return documentType;
    }

    /** The fields of a record, in file column order. */
    public List<String> fields() {
        return fields;
    }

    /**
     * The columns of this kind's CSV files: its fields, except that an outreach activity has one row per contact,
     * the activity's columns followed by the contact's.
     */
    public List<String> csvColumns() {
        if (this != ACTIVITIES) {
            return fields;
        }
        List<String> columns = new ArrayList<>(fields);
        columns.remove(OutreachActivityValidator.CONTACTS);
        columns.addAll(OutreachActivityValidator.CONTACT_FIELDS);
        return List.copyOf(columns);
    }

    /** The stored field that holds a record's year, for {@code dump --year}; empty for programmes. */
    public Optional<String> yearField() {
        return Optional.ofNullable(yearField);
    }

    /** Reads a kind's command-line name or file base name, ignoring case ({@code persons}, {@code year_notes}). */
    public static Optional<RecordKind> parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values())
                .filter(kind -> kind.optionName.equals(wanted) || kind.fileName.equals(wanted)
                        || kind.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(wanted))
                .findFirst();
    }

    /**
     * The kind a file's name tells: its base name is a kind's name ({@code persons.csv},
     * {@code outreach-activities.jsonl}), or starts with one followed by {@code -}, {@code _}, {@code .} or a space
     * ({@code persons-2013.csv}).
     */
    public static Optional<RecordKind> ofFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT).replace('_', '-');
        RecordKind best = null;
        int bestLength = 0;
        for (RecordKind kind : values()) {
            for (String candidate : List.of(kind.fileName, kind.optionName)) {
                boolean matches = name.startsWith(candidate) && (name.length() == candidate.length()
                        || "-. ".indexOf(name.charAt(candidate.length())) >= 0);
                if (matches && candidate.length() > bestLength) {
                    best = kind;
                    bestLength = candidate.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The names accepted by {@code --kind}, for help and error messages. */
    public static String optionNames() {
        return String.join(", ", Arrays.stream(values()).map(RecordKind::optionName).toList());
    }
}
