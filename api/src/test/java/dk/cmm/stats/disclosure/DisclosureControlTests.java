package dk.cmm.stats.disclosure;

import static dk.cmm.stats.disclosure.Tables.answer;
import static dk.cmm.stats.disclosure.Tables.flat;
import static dk.cmm.stats.disclosure.Tables.oneWay;
import static dk.cmm.stats.disclosure.Tables.recoverable;
import static dk.cmm.stats.disclosure.Tables.twoWay;
import static dk.cmm.stats.disclosure.Tables.withheld;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Primary and secondary suppression on hand-made one- and two-way tables. */
class DisclosureControlTests {

    static final Axis GENDER = flat("GENDER", "FEMALE", "MALE", "OTHER");
    static final Axis SECTOR = flat("SECTOR", "A", "B", "C", "D");

    @Test
    void shouldPublishATableWithoutSmallCellsExactly() {
        ProtectedTable table = oneWay(5, SECTOR, 10, 0, 6, 7);
        for (int cell = 0; cell < table.cellCount(); cell++) {
            assertThat(table.isSuppressed(cell)).isFalse();
        }
        assertThat(table.answer(List.of(Set.of("A", "D")))).hasValue(17);
    }

    @Test
    void shouldWithholdACountFromOneToKMinusOneButNeverAZero() {
        ProtectedTable table = oneWay(5, SECTOR, 10, 4, 0, 9);
        assertThat(withheld(table, "B")).isTrue();
        assertThat(withheld(table, "C")).isFalse();
        assertThat(table.answer(List.of(Set.of("C")))).hasValue(0);
    }

    @Test
    void shouldWithholdTheNextSmallestCellSoThatTotalMinusTheVisibleGroupsRevealsNothing() {
        ProtectedTable table = oneWay(5, SECTOR, 10, 4, 7, 9);
        assertThat(withheld(table, "B")).isTrue();
        assertThat(withheld(table, "C")).as("next-smallest cell").isTrue();
        assertThat(withheld(table, "A")).isFalse();
        assertThat(withheld(table, "D")).isFalse();
        assertThat(withheld(table, Axis.ROOT)).as("the total stays exact").isFalse();
        assertThat(recoverable(table)).isEmpty();
    }

    @Test
    void shouldWithholdMoreWhenTheWithheldCellsTogetherAreStillBelowK() {
        ProtectedTable table = oneWay(5, SECTOR, 1, 2, 8, 30);
        assertThat(withheld(table, "A")).isTrue();
        assertThat(withheld(table, "B")).isTrue();
        assertThat(withheld(table, "C")).as("1 + 2 = 3 is itself below k").isTrue();
        assertThat(table.answer(List.of(Set.of("A", "B")))).isEmpty();
        assertThat(table.answer(List.of(Set.of("A", "B", "C")))).as("derivable, 11 >= k").hasValue(11);
    }

    @Test
    void shouldWithholdASmallTotalAndEveryGroupUnderIt() {
        ProtectedTable table = oneWay(5, SECTOR, 1, 2, 0, 0);
        assertThat(withheld(table, Axis.ROOT)).isTrue();
        assertThat(table.answer(java.util.Arrays.asList((Set<String>) null))).isEmpty();
        assertThat(withheld(table, "A")).isTrue();
        assertThat(withheld(table, "B")).isTrue();
        assertThat(table.answer(List.of(Set.of("C")))).hasValue(0);
    }

    @Test
    void shouldNeverDeriveAnAnswerFromAWithheldCell() {
        ProtectedTable table = oneWay(5, SECTOR, 10, 4, 7, 9);
        assertThat(table.answer(List.of(Set.of("A", "B")))).isEmpty();
        assertThat(table.answer(List.of(Set.of("B", "C")))).as("total minus visible: 11, not small").hasValue(11);
        assertThat(table.answer(List.of(Set.of("A", "B", "C")))).as("total minus D").hasValue(21);
    }

    @Test
    void shouldFollowTheThresholdK() {
        assertThat(withheld(oneWay(3, SECTOR, 10, 4, 7, 9), "B")).isFalse();
        assertThat(withheld(oneWay(11, SECTOR, 10, 40, 70, 90), "A")).isTrue();
        ProtectedTable one = oneWay(1, SECTOR, 1, 1, 0, 2);
        for (int cell = 0; cell < one.cellCount(); cell++) {
            assertThat(one.isSuppressed(cell)).as("k = 1 withholds nothing").isFalse();
        }
        assertThatThrownBy(() -> new DisclosureControl(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldProtectATwoWayTableAlongRowsAndColumns() {
        Map<List<String>, ProtectedTable> family = twoWay(5, GENDER, SECTOR, new long[][] {
                { 20, 3, 9, 12 },
                { 8, 0, 6, 2 },
                { 0, 0, 0, 0 } });
        ProtectedTable table = family.get(List.of("GENDER", "SECTOR"));
        assertThat(withheld(table, "FEMALE", "B")).isTrue();
        assertThat(withheld(table, "MALE", "D")).isTrue();
        assertThat(recoverable(table)).isEmpty();
        for (String row : List.of("FEMALE", "MALE")) {
            long hidden = 0;
            int withheldCells = 0;
            for (String col : SECTOR.leaves()) {
                if (withheld(table, row, col)) {
                    withheldCells++;
                    hidden += table.exactValue(table.cell(List.of(row, col)));
                }
            }
            assertThat(withheldCells).as("row " + row).isNotEqualTo(1);
            assertThat(hidden == 0 || hidden >= 5).as("row " + row + " hides " + hidden).isTrue();
        }
        assertThat(answer(table, Set.of("FEMALE"), null)).hasValue(44);
        assertThat(answer(table, null, Set.of("B"))).as("a one-way margin of 3").isEmpty();
    }

    @Test
    void shouldGiveAMarginTheSameStatusInTheTwoWayTableAsInItsOneWayTable() {
        Map<List<String>, ProtectedTable> family = twoWay(5, GENDER, SECTOR, new long[][] {
                { 20, 3, 9, 12 },
                { 8, 1, 6, 2 },
                { 0, 0, 0, 1 } });
        ProtectedTable gender = family.get(List.of("GENDER"));
        ProtectedTable sector = family.get(List.of("SECTOR"));
        ProtectedTable both = family.get(List.of("GENDER", "SECTOR"));
        for (String g : GENDER.leaves()) {
            assertThat(withheld(both, g, Axis.ROOT)).isEqualTo(withheld(gender, g));
        }
        for (String s : SECTOR.leaves()) {
            assertThat(withheld(both, Axis.ROOT, s)).isEqualTo(withheld(sector, s));
        }
        family.values().forEach(table -> assertThat(recoverable(table)).as(table.axisNames().toString()).isEmpty());
    }

    @Test
    void shouldNotRevealACellByDifferencingAFilteredTotalAndTheUnfilteredOne() {
        // the same cut with complementary filters: SECTOR by GENDER=FEMALE, by GENDER=MALE, and unfiltered
        Map<List<String>, ProtectedTable> family = twoWay(5, GENDER, SECTOR, new long[][] {
                { 20, 3, 9, 12 },
                { 8, 6, 6, 7 },
                { 0, 0, 0, 0 } });
        ProtectedTable table = family.get(List.of("GENDER", "SECTOR"));
        OptionalLong all = answer(table, null, Set.of("B"));
        OptionalLong men = answer(table, Set.of("MALE"), Set.of("B"));
        OptionalLong women = answer(table, Set.of("FEMALE"), Set.of("B"));
        assertThat(women).isEmpty();
        assertThat(all.isPresent() && men.isPresent()).as("all minus men would give the women's 3").isFalse();
    }

    @Test
    void shouldProtectARegionTogetherWithItsNationalities() {
        Map<String, String> regionOf = new java.util.LinkedHashMap<>();
        regionOf.put("NG", "AFRICA");
        regionOf.put("UG", "AFRICA");
        regionOf.put("GH", "AFRICA");
        regionOf.put("RO", "EUROPE");
        regionOf.put("SK", "EUROPE");
        Axis nationality = Axis.grouped("NATIONALITY", regionOf);
        ProtectedTable table = oneWay(5, nationality, 20, 9, 7, 16, 1);
        assertThat(withheld(table, "EUROPE/SK")).isTrue();
        assertThat(withheld(table, "EUROPE") || withheld(table, "EUROPE/RO"))
                .as("EUROPE minus RO would give SK").isTrue();
        assertThat(recoverable(table)).isEmpty();
        assertThat(table.answer(List.of(Set.of("AFRICA/NG", "AFRICA/UG", "AFRICA/GH")))).hasValue(36);
    }

    @Test
    void shouldProtectSectorsTogetherWithTheirExploitationEvenWhereAnUnknownSectorSitsUnderEveryGroup() {
        Axis sector = Axis.groupedPairs("LABOUR_SECTOR", List.of(List.of("PROSTITUTION", "UNKNOWN"),
                List.of("FORCED_LABOUR", "CLEANING"), List.of("FORCED_LABOUR", "DOMESTIC_WORK"),
                List.of("FORCED_LABOUR", "CANNABIS_PRODUCTION"), List.of("CRIME", "UNKNOWN"),
                List.of("MARRIAGE", "UNKNOWN")));
        ProtectedTable table = oneWay(5, sector, 45, 7, 9, 1, 3, 1);
        assertThat(withheld(table, "FORCED_LABOUR/CANNABIS_PRODUCTION")).isTrue();
        assertThat(withheld(table, "CRIME")).isTrue();
        assertThat(withheld(table, "MARRIAGE")).isTrue();
        assertThat(withheld(table, "FORCED_LABOUR")).as("crime and marriage together are 4: one more goes").isTrue();
        assertThat(withheld(table, "PROSTITUTION")).isFalse();
        assertThat(recoverable(table)).isEmpty();
        assertThat(table.answer(List.of(Set.of("CRIME/UNKNOWN", "MARRIAGE/UNKNOWN")))).isEmpty();
    }

    @Test
    void shouldMakeASmallerTableWithholdMoreWhenALargerOneShowsItsMarginsGiveACountAway() {
        // every record of row r1 is in column c1: the one-way tables alone pin (r1, c1) = 3 once zeros are known
        Axis rows = flat("R", "r1", "r2");
        Axis cols = flat("C", "c1", "c2");
        Map<List<String>, ProtectedTable> family = twoWay(5, rows, cols, new long[][] { { 3, 0 }, { 9, 8 } });
        family.values().forEach(table -> assertThat(recoverable(table)).as(table.axisNames().toString()).isEmpty());
        ProtectedTable both = family.get(List.of("R", "C"));
        assertThat(withheld(both, "r1", "c1")).isTrue();
        assertThat(withheld(both, "r1", Axis.ROOT)).isTrue();
    }

    @Test
    void shouldLeaveNoCellRecoverableInRandomTwoWayTables() {
        java.util.Random random = new java.util.Random(42);
        Axis rows = flat("R", "r1", "r2", "r3", "r4", "r5");
        Axis cols = flat("C", "c1", "c2", "c3", "c4");
        for (int run = 0; run < 200; run++) {
            long[][] counts = new long[5][4];
            for (long[] row : counts) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = random.nextInt(4) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 6 : 25);
                }
            }
            int k = 3 + random.nextInt(4);
            Map<List<String>, ProtectedTable> family = twoWay(k, rows, cols, counts);
            for (ProtectedTable table : family.values()) {
                assertThat(recoverable(table)).as("run %d, k %d, %s", run, k, table.axisNames()).isEmpty();
                for (int cell = 0; cell < table.cellCount(); cell++) {
                    long value = table.exactValue(cell);
                    if (value >= 1 && value < k) {
                        assertThat(table.isSuppressed(cell)).isTrue();
                    }
                }
            }
        }
    }
}
