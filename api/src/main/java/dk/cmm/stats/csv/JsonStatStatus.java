package dk.cmm.stats.csv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.stats.AnswerGroup;

/**
 * The status codes of a JSON-stat value (Eurostat's "c" for confidential and "e" for an estimate; the others our
 * own), with the words each dataset carries for them in {@code extension.status.label}. A null value always has one,
 * saying why it is not a number; a value is never 0 for want of one.
 */
final class JsonStatStatus {

    static final String WITHHELD = "c";
    static final String NO_DATA = "m";
    static final String NOT_PUBLISHED = "u";
    static final String NO_SHARE = "s";
    static final String NOT_APPLICABLE = "z";
    /** Eurostat's "e": an estimate of the noisy layer, with its margin in {@code extension.margin}. */
    static final String ESTIMATED = "e";

    private static final Map<String, String[]> LABELS = labels();

    private JsonStatStatus() {
    }

    /** The status of a group without a count, by the answer's reason. */
    static String of(String reason) {
        if (AnswerGroup.NO_DATA.equals(reason)) {
            return NO_DATA;
        }
        if (AnswerGroup.NOT_PUBLISHED.equals(reason)) {
            return NOT_PUBLISHED;
        }
        return WITHHELD;
    }

    /** Every code with its words in the language, in the order the dataset lists them. */
    static Map<String, String> labels(Lang lang) {
        Map<String, String> labels = new LinkedHashMap<>();
        LABELS.forEach((code, words) -> labels.put(code, lang == Lang.DA ? words[0] : words[1]));
        return labels;
    }

    private static Map<String, String[]> labels() {
        Map<String, String[]> labels = new LinkedHashMap<>();
        labels.put(WITHHELD, new String[] { "tilbageholdt af diskretionskontrollen (kun uden API-nøgle)",
                "withheld by disclosure control (callers without an API token only)" });
        labels.put(NO_DATA, new String[] { "ingen data: året har ingen registreringer (ukendt, ikke 0)",
                "no data: the year has no records (unknown, not 0)" });
        labels.put(NOT_PUBLISHED, new String[] { "året er ikke offentliggjort (kun uden API-nøgle)",
                "the year is not published (callers without an API token only)" });
        labels.put(NO_SHARE, new String[] { "andelen kan ikke gives: totalen er tilbageholdt eller ikke offentliggjort",
                "no share: the total is withheld or not published" });
        labels.put(ESTIMATED, new String[] { "skøn: det sande tal plus en lille tilfældig ændring, tilpasset de "
                + "offentliggjorte totaler; ±-margen (90 %) i extension.margin",
                "estimate: the true count plus a small random change, adjusted to the published totals; its 90 % "
                        + "margin in extension.margin" });
        labels.put(NOT_APPLICABLE, new String[] { "ikke relevant (fx et gennemsnit uden aktiviteter)",
                "not applicable (e.g. a mean without activities)" });
        return Collections.unmodifiableMap(labels);
    }
}
