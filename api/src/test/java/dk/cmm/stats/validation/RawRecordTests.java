package dk.cmm.stats.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.cmm.stats.codebook.Codebook;

/** Raw values as staff type them, in particular dates that Danish Excel has reformatted. */
class RawRecordTests {

    private static RawRecord raw(String value) {
        return new RawRecord(Map.of("date", value), Codebook.standard());
    }

    @Test
    void shouldReadIsoDatesAndTheDanishFormsExcelWrites() {
        assertThat(raw("2013-03-05").date("date")).isEqualTo(LocalDate.of(2013, 3, 5));
        assertThat(raw("05-03-2013").date("date")).isEqualTo(LocalDate.of(2013, 3, 5));
        assertThat(raw("5.3.2013").date("date")).isEqualTo(LocalDate.of(2013, 3, 5));
    }

    @Test
    void shouldRefuseADateThatDoesNotExistOrIsAmbiguouslyWritten() {
        for (String wrong : new String[] { "2013-02-30", "30-02-2013", "03/05/2013", "2013" }) {
            RawRecord record = raw(wrong);
            assertThat(record.date("date")).as(wrong).isNull();
            assertThat(record.violations()).as(wrong).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("is not a date of the form YYYY-MM-DD"));
        }
    }
}
