package dk.cmm.stats.codebook;

import java.util.Locale;

/** The two languages of every label: Danish (the default) and English. */
public enum Lang {
    DA, EN;

    public Locale locale() {
        return this == DA ? Locale.forLanguageTag("da") : Locale.ENGLISH;
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
