package dk.cmm.stats.codebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Both languages label every code, and the country list covers ISO 3166-1 with the centre's regions. */
class CodebookLabelsSyncTests {

    private final Codebook codebook = Codebook.standard();

    @Test
    void shouldHaveTheSameLabelKeysInDanishAndEnglish() {
        assertThat(codebook.labelKeys(Lang.DA)).isEqualTo(codebook.labelKeys(Lang.EN));
    }

    @Test
    void shouldLabelEveryCodeOfEveryCodeListInBothLanguages() {
        for (CodeList list : CodeList.values()) {
            for (String code : list.codes()) {
                for (Lang lang : Lang.values()) {
                    assertThatCode(() -> codebook.label(list, code, lang)).as(list + "." + code + " in " + lang)
                            .doesNotThrowAnyException();
                }
            }
        }
    }

    @Test
    void shouldCoverEveryIsoCountryKnownToTheJdk() {
        for (String iso : java.util.Locale.getISOCountries()) {
            assertThat(codebook.country(iso)).as(iso).isPresent();
        }
        assertThat(codebook.countries()).hasSizeGreaterThanOrEqualTo(249);
    }

    @Test
    void shouldPlaceTheReportsCountriesInTheCentresRegions() {
        assertThat(codebook.country("NG").orElseThrow().region()).isEqualTo(Region.AFRICA);
        assertThat(codebook.country("RO").orElseThrow().region()).isEqualTo(Region.EUROPE);
        assertThat(codebook.country("TH").orElseThrow().region()).isEqualTo(Region.ASIA);
        assertThat(codebook.country("IQ").orElseThrow().region()).as("Middle East apart from Asia")
                .isEqualTo(Region.MIDDLE_EAST);
        assertThat(codebook.country("BR").orElseThrow().region()).isEqualTo(Region.LATIN_AMERICA);
        assertThat(codebook.country("RO").orElseThrow().nameDa()).isEqualTo("Rumænien");
    }

    @Test
    void shouldReadCodesGivenAsCodesOrAsLabelsInEitherLanguage() {
        assertThat(codebook.parse(Gender.class, "FEMALE")).contains(Gender.FEMALE);
        assertThat(codebook.parse(Gender.class, "kvinder")).contains(Gender.FEMALE);
        assertThat(codebook.parse(Gender.class, " Women ")).contains(Gender.FEMALE);
        assertThat(codebook.parse(Exploitation.class, "forced_labour")).contains(Exploitation.FORCED_LABOUR);
        assertThat(codebook.parse(Exploitation.class, "Tvangsarbejde")).contains(Exploitation.FORCED_LABOUR);
        assertThat(codebook.parse(Gender.class, "robot")).isEmpty();
        assertThat(codebook.parseCountry("Rumænien").orElseThrow().code()).isEqualTo("RO");
        assertThat(codebook.parseCountry("ng").orElseThrow().code()).isEqualTo("NG");
    }

    @Test
    void shouldHaveNoDuplicateLabelsWithinACodeList() {
        for (CodeList list : CodeList.values()) {
            for (Lang lang : Lang.values()) {
                var labels = list.codes().stream().map(code -> codebook.label(list, code, lang)).toList();
                assertThat(labels).as(list + " " + lang).doesNotHaveDuplicates();
            }
        }
        assertThat(Arrays.stream(AgeGroup.values()).filter(g -> g.contains(17))).containsExactly(AgeGroup.UNDER_18);
    }
}
