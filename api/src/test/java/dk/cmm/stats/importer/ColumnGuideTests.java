package dk.cmm.stats.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dk.cmm.stats.codebook.Lang;

/** The workbooks' column guide tells every column of every kind, in both languages alike. */
class ColumnGuideTests {

    @Test
    void shouldGuideExactlyTheColumnsOfEachKindInTheirOrder() {
        for (RecordKind kind : RecordKind.values()) {
            assertThat(ColumnGuide.of(kind).stream().map(ColumnGuide.Column::field).toList()).as(kind.name())
                    .isEqualTo(kind.csvColumns());
            for (ColumnGuide.Column column : ColumnGuide.of(kind)) {
                for (Lang lang : Lang.values()) {
                    assertThat(ColumnGuide.description(kind, column, lang)).as(kind + "." + column.field() + " " + lang)
                            .isNotBlank();
                }
            }
        }
    }

    @Test
    void shouldHoldTheSameKeysInDanishAndEnglish() {
        assertThat(ColumnGuide.keys(Lang.DA)).isEqualTo(ColumnGuide.keys(Lang.EN));
    }
}
