package dk.cmm.stats.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import dk.cmm.stats.codebook.Lang;

/**
 * Fixed number and date formatting per language, independent of the machine's locale so that exports are
 * byte-identical everywhere: Danish decimal comma and "62 %", English decimal point and "62%"; thousands are grouped
 * as each language's style guides do: Danish from five digits on (2907, 12.500), English from four (2,907, 12,500).
 */
final class Formats {

    private final Lang lang;

    Formats(Lang lang) {
        this.lang = lang;
    }

    String integer(long n) {
        String digits = Long.toString(Math.abs(n));
        if (digits.length() >= (lang == Lang.DA ? 5 : 4)) {
            StringBuilder grouped = new StringBuilder();
            for (int i = 0; i < digits.length(); i++) {
                if (i > 0 && (digits.length() - i) % 3 == 0) {
                    grouped.append(lang == Lang.DA ? '.' : ',');
                }
                grouped.append(digits.charAt(i));
            }
            digits = grouped.toString();
        }
        return (n < 0 ? "-" : "") + digits;
    }

    /** One decimal, half up, with the language's decimal mark ("3,2" / "3.2"); a whole number shows no decimals. */
    String decimal(double x) {
        BigDecimal rounded = BigDecimal.valueOf(x).setScale(1, RoundingMode.HALF_UP);
        if (rounded.stripTrailingZeros().scale() <= 0) {
            return integer(rounded.longValue());
        }
        String text = rounded.toPlainString();
        return lang == Lang.DA ? text.replace('.', ',') : text;
    }

    /** Rounded to a whole number, half up (a mean age of 30.2 is "30"). */
    String rounded(double x) {
        return integer(BigDecimal.valueOf(x).setScale(0, RoundingMode.HALF_UP).longValue());
    }

    /** A share as whole per cent: "62 %" in Danish, "62%" in English. */
    String percent(int part, int whole) {
        long pct = BigDecimal.valueOf(100.0 * part / whole).setScale(0, RoundingMode.HALF_UP).longValue();
        return integer(pct) + (lang == Lang.DA ? "\u00a0%" : "%");
    }

    /** A range with an en dash, "18–61"; one number when both ends are equal. */
    String range(double min, double max) {
        return min == max ? rounded(min) : rounded(min) + "\u2013" + rounded(max);
    }

    /** "31. januar 2013" / "31 January 2013". */
    String date(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern(lang == Lang.DA ? "d. MMMM yyyy" : "d MMMM yyyy",
                lang.locale()));
    }

    /** "januar 2013" / "January 2013". */
    String monthYear(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("MMMM yyyy", lang.locale()));
    }
}
