package dk.cmm.stats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dk.cmm.stats.codebook.Lang;

/** Numbers and dates print the same on every machine: Danish decimal comma, English decimal point. */
class FormatsTests {

    private final Formats da = new Formats(Lang.DA);
    private final Formats en = new Formats(Lang.EN);

    @Test
    void shouldFormatDecimalsWithTheLanguagesDecimalMark() {
        assertThat(da.decimal(167 / 52.0)).isEqualTo("3,2");
        assertThat(en.decimal(167 / 52.0)).isEqualTo("3.2");
        assertThat(da.decimal(20.0)).isEqualTo("20");
    }

    @Test
    void shouldGroupThousandsFromFiveDigitsOnInDanishAndFromFourInEnglish() {
        assertThat(da.integer(2907)).isEqualTo("2907");
        assertThat(en.integer(2907)).as("English writes 2,907").isEqualTo("2,907");
        assertThat(en.integer(999)).isEqualTo("999");
        assertThat(da.integer(12500)).isEqualTo("12.500");
        assertThat(en.integer(1234567)).isEqualTo("1,234,567");
    }

    @Test
    void shouldSayRunsOfThreeOrMoreYearsAsARange() {
        Messages messages = Messages.load(TemplateSource.packaged(), Lang.DA);
        assertThat(Findings.years(java.util.List.of("2009", "2010"), messages)).isEqualTo("2009 og 2010");
        assertThat(Findings.years(java.util.List.of("2006", "2009", "2010", "2011", "2013"), messages))
                .isEqualTo("2006, 2009–2011 og 2013");
    }

    @Test
    void shouldFormatPercentRangeAndDates() {
        assertThat(da.percent(41, 66)).isEqualTo("62\u00a0%");
        assertThat(en.percent(41, 66)).isEqualTo("62%");
        assertThat(da.range(18, 61)).isEqualTo("18–61");
        assertThat(da.range(5, 5)).isEqualTo("5");
        assertThat(da.rounded(30.2)).isEqualTo("30");
        assertThat(da.date(LocalDate.of(2013, 1, 31))).isEqualTo("31. januar 2013");
        assertThat(en.date(LocalDate.of(2013, 1, 31))).isEqualTo("31 January 2013");
        assertThat(da.monthYear(LocalDate.of(2013, 1, 31))).isEqualTo("januar 2013");
    }
}
