package dk.cmm.stats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dk.cmm.stats.disclosure.AttackerBounds.Range;
import dk.cmm.stats.disclosure.TableGeometry.Cell;

/** Protection decided by the attacker's bounds, on hand-made tables. */
class EscalationTests {

    static final ProtectionRule RULE = new ProtectionRule(5);

    /** Joint counts as rows of leaf ids per axis and a count. */
    static TableGeometry table(List<Axis> axes, Object[][] rows) {
        List<long[]> joint = new ArrayList<>();
        for (Object[] row : rows) {
            long[] r = new long[axes.size() + 1];
            for (int a = 0; a < axes.size(); a++) {
                r[a] = axes.get(a).indexOf((String) row[a]);
                assertThat(r[a]).as("leaf " + row[a]).isPositive();
            }
            r[axes.size()] = ((Number) row[axes.size()]).longValue();
            joint.add(r);
        }
        return new TableGeometry(axes, joint);
    }

    static void assertProtected(TableGeometry geometry, Escalation.Outcome outcome) {
        AttackerBounds bounds = new AttackerBounds(geometry, outcome.withheld());
        assertThat(outcome.pinnedByPublished()).isEmpty();
        for (Cell cell : geometry.cells()) {
            long count = geometry.value(cell);
            if (RULE.isSmall(count)) {
                assertThat(outcome.withheld()).as(geometry.describe(cell) + " = " + count).contains(cell);
                Range range = bounds.range(cell);
                assertThat(range.min()).as("least of " + geometry.describe(cell)).isLessThanOrEqualTo(0);
                assertThat(range.max()).as("greatest of " + geometry.describe(cell)).isGreaterThanOrEqualTo(5);
            }
        }
    }

    @Test
    void shouldProtectNineAfricansWhoseRegionAndLargestCountryArePublished() {
        // Africa 31 and Nigeria 22 published: the other 9 are in 9 different cells of nationality x age group;
        // with a rank test each looked safe, but with x >= 1 every one of them is exactly 1
        Axis nationality = Axis.groupedPairs("NATIONALITY", List.of(List.of("AFRICA", "NG"),
                List.of("AFRICA", "OTHER_AFRICA"), List.of("EUROPE", "RO"), List.of("EUROPE", "OTHER_EUROPE")));
        Axis age = Axis.flat("AGE_GROUP", List.of("18-24", "25-34", "35-44", "45+"));
        TableGeometry geometry = table(List.of(nationality, age), new Object[][] {
                { "AFRICA/NG", "18-24", 8 }, { "AFRICA/NG", "25-34", 9 }, { "AFRICA/NG", "35-44", 5 },
                { "AFRICA/OTHER_AFRICA", "18-24", 3 }, { "AFRICA/OTHER_AFRICA", "25-34", 2 },
                { "AFRICA/OTHER_AFRICA", "35-44", 2 }, { "AFRICA/OTHER_AFRICA", "45+", 2 },
                { "EUROPE/RO", "18-24", 6 }, { "EUROPE/RO", "25-34", 7 }, { "EUROPE/RO", "45+", 1 },
                { "EUROPE/OTHER_EUROPE", "25-34", 5 } });
        Escalation.Outcome outcome = new Escalation(geometry, RULE, Set.of(), Map.of()).run();
        assertProtected(geometry, outcome);
        // the large cells that need not go stay published
        assertThat(outcome.withheld()).doesNotContain(Cell.TOTAL,
                Cell.of(0, nationality.indexOf("AFRICA")), Cell.of(0, nationality.indexOf("AFRICA/NG")));
    }

    @Test
    void shouldNarrowTheAttackersRangeByWhatAReportTableOverThreeAxesProves() {
        // a later report's prepared returns by nationality say one Ugandan of the year had one: the cell of
        // (IOM, UG) is at least 1 whatever is withheld, and so the other Ugandan cell holds at most 1
        Axis status = Axis.flat("STATUS", List.of("IOM", "OTHER"));
        Axis nationality = Axis.flat("NATIONALITY", List.of("NG", "UG", "TH"));
        TableGeometry geometry = table(List.of(status, nationality), new Object[][] {
                { "IOM", "NG", 6 }, { "IOM", "UG", 1 }, { "IOM", "TH", 5 }, { "OTHER", "NG", 10 },
                { "OTHER", "UG", 1 }, { "OTHER", "TH", 7 } });
        Cell iomUg = Cell.of(0, status.indexOf("IOM"), 1, nationality.indexOf("UG"));
        Cell otherUg = Cell.of(0, status.indexOf("OTHER"), 1, nationality.indexOf("UG"));
        Set<Cell> rectangle = Set.of(iomUg, otherUg, Cell.of(0, status.indexOf("IOM"), 1, nationality.indexOf("NG")),
                Cell.of(0, status.indexOf("OTHER"), 1, nationality.indexOf("NG")));

        AttackerBounds without = new AttackerBounds(geometry, rectangle);
        AttackerBounds with = new AttackerBounds(geometry, rectangle, Map.of(iomUg, 1L));

        assertThat(without.range(iomUg)).isEqualTo(new Range(0, 2));
        assertThat(with.range(iomUg)).as("the report proves one").isEqualTo(new Range(1, 2));
        assertThat(with.range(otherUg)).as("so the other Ugandan cell").isEqualTo(new Range(0, 1));
        assertThat(without.swapProves(otherUg, 1, 1)).as("a rectangle moves 1 without the bound").isTrue();
        assertThat(with.swapProves(otherUg, 1, 1)).as("the program decides where a bound is known").isFalse();
    }

    @Test
    void shouldProtectARowWhosePublishedMarginIsOne() {
        // the margin of row MALE is 1: published, it would prove that the one man is in the one non-zero cell
        Axis gender = Axis.flat("GENDER", List.of("FEMALE", "MALE"));
        Axis status = Axis.flat("STATUS", List.of("A", "B", "C"));
        TableGeometry geometry = table(List.of(gender, status), new Object[][] {
                { "FEMALE", "A", 20 }, { "FEMALE", "B", 12 }, { "FEMALE", "C", 9 }, { "MALE", "B", 1 } });
        Escalation.Outcome outcome = new Escalation(geometry, RULE, Set.of(), Map.of()).run();
        assertProtected(geometry, outcome);
        assertThat(outcome.withheld()).contains(Cell.of(0, gender.indexOf("MALE")));
    }

    @Test
    void shouldProtectTheDifferenceOfTwoReleasesOfOneYear() {
        Axis gender = Axis.flat("GENDER", List.of("FEMALE", "MALE"));
        Axis status = Axis.flat("STATUS", List.of("A", "B", "C"));
        Object[][] before = { { "FEMALE", "A", 20 }, { "FEMALE", "B", 12 }, { "MALE", "A", 9 }, { "MALE", "C", 8 } };
        TableGeometry first = table(List.of(gender, status), before);
        Escalation.Outcome firstOutcome = new Escalation(first, RULE, Set.of(), Map.of()).run();
        Map<Cell, Long> published = new java.util.HashMap<>();
        first.cells().stream().filter(c -> !firstOutcome.withheld().contains(c))
                .forEach(c -> published.put(c, first.value(c)));
        // a caseworker records one more man in status A
        Object[][] after = { { "FEMALE", "A", 20 }, { "FEMALE", "B", 12 }, { "MALE", "A", 10 }, { "MALE", "C", 8 } };
        TableGeometry second = table(List.of(gender, status), after);
        Escalation.Outcome revision = new Escalation(second, RULE, Set.of(), published).run();
        AttackerBounds bounds = new AttackerBounds(second, revision.withheld());
        for (Cell cell : second.cells()) {
            Long earlier = published.get(cell);
            // the year's total is always published (it is the yearly series): a release says how many were added
            if (earlier != null && earlier != second.value(cell) && cell.dimensions() > 0) {
                assertThat(revision.withheld()).as("changed " + second.describe(cell)).contains(cell);
                assertThat(RULE.protects(bounds.range(cell), second.value(cell), earlier))
                        .as("the change of " + second.describe(cell) + " from " + earlier + " to "
                                + second.value(cell) + ": range " + bounds.range(cell) + ", withheld "
                                + revision.withheld().size() + ", pinned " + revision.pinnedByPublished()).isTrue();
            }
        }
    }
}
