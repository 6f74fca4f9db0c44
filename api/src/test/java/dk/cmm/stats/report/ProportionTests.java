package dk.cmm.stats.report;

import static dk.cmm.stats.report.Proportion.Fraction.ALL;
import static dk.cmm.stats.report.Proportion.Fraction.FIFTH;
import static dk.cmm.stats.report.Proportion.Fraction.HALF;
import static dk.cmm.stats.report.Proportion.Fraction.NONE;
import static dk.cmm.stats.report.Proportion.Fraction.QUARTER;
import static dk.cmm.stats.report.Proportion.Fraction.TENTH;
import static dk.cmm.stats.report.Proportion.Fraction.THIRD;
import static dk.cmm.stats.report.Proportion.Fraction.THREE_QUARTERS;
import static dk.cmm.stats.report.Proportion.Fraction.TWO_THIRDS;
import static dk.cmm.stats.report.Proportion.Qualifier.JUST_UNDER;
import static dk.cmm.stats.report.Proportion.Qualifier.LESS_THAN;
import static dk.cmm.stats.report.Proportion.Qualifier.MORE_THAN;
import static dk.cmm.stats.report.Proportion.Qualifier.PLAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.cmm.stats.codebook.Lang;

/** Shares in words, as the 2012 report words them, and true words for other shares. */
class ProportionTests {

    @Test
    void shouldWordThe2012SharesAsTheSourceReportDoes() {
        assertThat(Proportion.of(33, 66)).as("police: half").isEqualTo(new Proportion(PLAIN, HALF));
        assertThat(Proportion.of(24, 66)).as("outreach: more than a third").isEqualTo(new Proportion(MORE_THAN, THIRD));
        assertThat(Proportion.of(31, 66)).as("Africa: just under half").isEqualTo(new Proportion(JUST_UNDER, HALF));
        assertThat(Proportion.of(16, 66)).as("Europe: a quarter").isEqualTo(new Proportion(PLAIN, QUARTER));
        assertThat(Proportion.of(13, 66)).as("Asia: a fifth").isEqualTo(new Proportion(PLAIN, FIFTH));
    }

    @Test
    void shouldCallExactAndNearlyExactSharesByTheirName() {
        assertThat(Proportion.of(1, 4)).isEqualTo(new Proportion(PLAIN, QUARTER));
        assertThat(Proportion.of(2, 3)).isEqualTo(new Proportion(PLAIN, TWO_THIRDS));
        assertThat(Proportion.of(3, 4)).isEqualTo(new Proportion(PLAIN, THREE_QUARTERS));
        assertThat(Proportion.of(1, 10)).isEqualTo(new Proportion(PLAIN, TENTH));
        assertThat(Proportion.of(0, 5)).isEqualTo(new Proportion(PLAIN, NONE));
        assertThat(Proportion.of(5, 5)).isEqualTo(new Proportion(PLAIN, ALL));
    }

    @Test
    void shouldNeverOverstateOrUnderstateAShare() {
        for (int whole = 1; whole <= 200; whole++) {
            for (int part = 0; part <= whole; part++) {
                Proportion p = Proportion.of(part, whole);
                double share = (double) part / whole;
                switch (p.qualifier()) {
                    case MORE_THAN -> assertThat(share).as(part + "/" + whole).isGreaterThan(p.fraction().value);
                    case JUST_UNDER -> assertThat(share).as(part + "/" + whole).isLessThan(p.fraction().value)
                            .isGreaterThanOrEqualTo(p.fraction().value - 0.05);
                    case LESS_THAN -> assertThat(share).as(part + "/" + whole).isLessThan(p.fraction().value);
                    case PLAIN -> assertThat(Math.abs(share - p.fraction().value)).as(part + "/" + whole)
                            .isLessThanOrEqualTo(0.0125);
                }
            }
        }
    }

    @Test
    void shouldSayMoreThanTheFractionBelowWhenFarFromTheOneAbove() {
        assertThat(Proportion.of(42, 100)).isEqualTo(new Proportion(MORE_THAN, THIRD));
        assertThat(Proportion.of(15, 100)).as("not 'just under a fifth'").isEqualTo(new Proportion(MORE_THAN, TENTH));
        assertThat(Proportion.of(56, 66)).as("women in 2012: 85 %, not 'more than three quarters'")
                .isEqualTo(new Proportion(MORE_THAN, Proportion.Fraction.FOUR_FIFTHS));
        assertThat(Proportion.of(88, 100)).isEqualTo(new Proportion(JUST_UNDER, Proportion.Fraction.NINE_TENTHS));
        assertThat(Proportion.of(97, 100)).isEqualTo(new Proportion(JUST_UNDER, ALL));
        assertThat(Proportion.of(3, 100)).isEqualTo(new Proportion(LESS_THAN, TENTH));
    }

    @Test
    void shouldRefuseAPartLargerThanTheWhole() {
        assertThatThrownBy(() -> Proportion.of(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proportion.of(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldPutProportionsIntoDanishAndEnglishWords() {
        Messages da = Messages.load(TemplateSource.packaged(), Lang.DA);
        Messages en = Messages.load(TemplateSource.packaged(), Lang.EN);
        Map<Proportion, String[]> expected = Map.of(
                Proportion.of(33, 66), new String[] {"halvdelen", "half"},
                Proportion.of(24, 66), new String[] {"mere end en tredjedel", "more than a third"},
                Proportion.of(31, 66), new String[] {"knap halvdelen", "just under half"},
                Proportion.of(16, 66), new String[] {"en fjerdedel", "a quarter"},
                Proportion.of(13, 66), new String[] {"en femtedel", "a fifth"},
                Proportion.of(97, 100), new String[] {"næsten alle", "almost all"});
        expected.forEach((p, words) -> {
            assertThat(da.proportion(p)).isEqualTo(words[0]);
            assertThat(en.proportion(p)).isEqualTo(words[1]);
        });
    }
}
