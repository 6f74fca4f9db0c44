package dk.cmm.stats.codebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every code, label and country name staff may type reads back as the code it stands for, and only that one. */
class CodebookParsingTests {

    private final Codebook codebook = Codebook.standard();

    @Test
    void shouldReadEveryCodeAndEveryLabelOfEveryCodeListBackAsItsOwnCode() {
        for (CodeList list : CodeList.values()) {
            for (Enum<?> code : list.type().getEnumConstants()) {
                for (String typed : new String[] { code.name(), codebook.label(code, Lang.DA),
                    codebook.label(code, Lang.EN), codebook.label(code, Lang.DA).toUpperCase() }) {
                    assertThat(parse(list, typed)).as(list + " '" + typed + "'").isEqualTo(code);
                }
            }
        }
    }

    @Test
    void shouldReadEveryCountryByCodeAndByItsDanishOrEnglishName() {
        for (Country country : codebook.countries()) {
            assertThat(codebook.parseCountry(country.code().toLowerCase())).contains(country);
            assertThat(codebook.parseCountry(country.nameEn()).map(Country::code)).as(country.nameEn())
                    .contains(country.code());
            assertThat(codebook.parseCountry(country.nameDa()).map(Country::code)).as(country.nameDa())
                    .contains(country.code());
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private Enum<?> parse(CodeList list, String typed) {
        return (Enum<?>) codebook.parse((Class) list.type(), typed).orElse(null);
    }
}
