package dk.cmm.stats.outreach;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.codebook.ProgrammeKind;
import dk.cmm.stats.validation.RawRecord;

/** The rules for an outreach programme record. */
public final class ProgrammeValidator {

    public static final List<String> FIELDS = List.of("code", "nameDa", "nameEn", "kind", "city", "operator");

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    private final Codebook codebook;

    public ProgrammeValidator(Codebook codebook) {
        this.codebook = codebook;
    }

    public Programme validate(Map<String, ?> fields) {
        RawRecord in = new RawRecord(fields, codebook);
        in.rejectUnknownFields(FIELDS);
        String code = in.requiredText("code");
        if (code != null && !CODE.matcher(code).matches()) {
            in.reject("code", code, "is not a programme code (capital letters, digits and _, e.g. STREET_ODENSE)");
        }
        Programme programme = new Programme(code, in.requiredText("nameDa"), in.requiredText("nameEn"),
                in.requiredCode("kind", ProgrammeKind.class), in.text("city").orElse(null),
                in.text("operator").orElse(null), null);
        in.throwIfInvalid();
        return programme;
    }
}
