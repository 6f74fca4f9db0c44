package dk.cmm.stats.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dk.cmm.stats.stats.AnswerShaping.Figure;

/** The one shaping of an answer, on hand-made figures: which groups are listed, shares, order, no-data years. */
class AnswerShapingTests {

    private static final List<PersonDimension> BY_GENDER = List.of(PersonDimension.GENDER);
    private static final List<PersonDimension> BY_YEAR = List.of(PersonDimension.ASSESSMENT_YEAR);

    private static List<GroupKey> gender(String code) {
        return List.of(new GroupKey("GENDER", code));
    }

    private static List<GroupKey> year(int year) {
        return List.of(new GroupKey("ASSESSMENT_YEAR", Integer.toString(year)));
    }

    private static List<AnswerGroup> shape(Figure total, Map<List<GroupKey>, Figure> figures, boolean includeEmpty,
            List<PersonDimension> groupBy, Order order) {
        return AnswerShaping.groups(total, figures.keySet(), figures::get, includeEmpty, groupBy, order);
    }

    private static List<String> codes(List<AnswerGroup> groups) {
        List<String> codes = new ArrayList<>();
        groups.forEach(g -> codes.add(g.key().get(0).code()));
        return codes;
    }

    @Test
    void shouldListAnExactZeroOnlyWhenEmptyGroupsAreAskedForButANoisyZeroAlways() {
        Map<List<GroupKey>, Figure> figures = Map.of(gender("FEMALE"), Figure.exact(5), gender("MALE"),
                Figure.exact(0), gender("OTHER"), Figure.noisy(0, 3));
        assertThat(codes(shape(Figure.exact(5), figures, false, BY_GENDER, Order.COUNT)))
                .containsExactly("FEMALE", "OTHER");
        assertThat(codes(shape(Figure.exact(5), figures, true, BY_GENDER, Order.COUNT)))
                .containsExactly("FEMALE", "MALE", "OTHER");
    }

    @Test
    void shouldGiveEachCountItsShareOfTheTotal() {
        List<AnswerGroup> groups = shape(Figure.exact(8), Map.of(gender("FEMALE"), Figure.exact(6), gender("MALE"),
                Figure.noisy(2, 4), gender("OTHER"), Figure.none(AnswerGroup.WITHHELD)), false, BY_GENDER,
                Order.COUNT);
        assertThat(groups).extracting(AnswerGroup::share).containsExactly(0.75, 0.25, null);
        assertThat(groups.get(1).noisy()).isTrue();
        assertThat(groups.get(1).margin()).isEqualTo(4);
        assertThat(groups.get(2).suppressed()).isTrue();
        assertThat(groups.get(2).reason()).isEqualTo("WITHHELD");
        assertThat(groups.get(0).suppressed()).isFalse();
        assertThat(groups.get(0).reason()).isNull();
    }

    @Test
    void shouldGiveNoShareWhereTheTotalIsWithheldAndShareZeroOfAZeroTotal() {
        assertThat(shape(Figure.none(AnswerGroup.WITHHELD), Map.of(gender("FEMALE"), Figure.exact(3)), false,
                BY_GENDER, Order.COUNT).get(0).share()).isNull();
        assertThat(shape(Figure.exact(0), Map.of(gender("FEMALE"), Figure.exact(0)), true, BY_GENDER, Order.COUNT)
                .get(0).share()).isEqualTo(0.0);
        assertThat(AnswerShaping.share(1, 3)).isEqualTo(1.0 / 3);
    }

    @Test
    void shouldOrderByCountLargestFirstWithoutACountLastAndTiesByCode() {
        Map<List<GroupKey>, Figure> figures = Map.of(year(2012), Figure.exact(4), year(2011), Figure.exact(9),
                year(2008), Figure.exact(4), year(2013), Figure.none(AnswerGroup.NO_DATA), year(2009),
                Figure.none(AnswerGroup.NO_DATA));
        assertThat(codes(shape(Figure.exact(17), figures, false, BY_YEAR, Order.COUNT)))
                .containsExactly("2011", "2008", "2012", "2009", "2013");
        assertThat(codes(shape(Figure.exact(17), figures, false, BY_YEAR, Order.KEY)))
                .containsExactly("2008", "2009", "2011", "2012", "2013");
    }

    @Test
    void shouldOrderCodedKeysInTheCodebooksOrderWithUnknownLast() {
        Map<List<GroupKey>, Figure> figures = Map.of(gender("UNKNOWN"), Figure.exact(9), gender("MALE"),
                Figure.exact(1), gender("FEMALE"), Figure.exact(1));
        assertThat(codes(shape(Figure.exact(11), figures, false, BY_GENDER, Order.KEY)))
                .containsExactly("FEMALE", "MALE", "UNKNOWN");
    }

    @Test
    void shouldAnswerAQuestionWhoseYearsHoldNoRecordsWithNoTotal() {
        NumericSummary age = new NumericSummary(3, 20.0, 40.0, 30.0, 30.0);
        StatsAnswer none = AnswerShaping.answer(Figure.exact(0), List.of(), age, age, true);
        assertThat(none.total()).isNull();
        assertThat(none.totalReason()).isEqualTo("NO_DATA");
        assertThat(none.age()).isNull();
        StatsAnswer some = AnswerShaping.answer(Figure.exact(0), List.of(), age, age, false);
        assertThat(some.total()).isZero();
        assertThat(some.totalReason()).isNull();
        assertThat(some.age()).isEqualTo(age);
        StatsAnswer hidden = AnswerShaping.answer(Figure.none(AnswerGroup.NOT_PUBLISHED), List.of(), null, null,
                false);
        assertThat(hidden.total()).isNull();
        assertThat(hidden.totalReason()).isEqualTo("NOT_PUBLISHED");
        StatsAnswer noisy = AnswerShaping.answer(Figure.noisy(12, 5), List.of(), null, null, false);
        assertThat(noisy.totalNoisy()).isTrue();
        assertThat(noisy.totalMargin()).isEqualTo(5);
    }

    @Test
    void shouldKnowTheYearsAQuestionNamesOnlyWhereItNamesThemAll() {
        assertThat(AnswerShaping.askedYears(List.of(2013, 2009, 2012), 2010, null)).containsExactly(2012, 2013);
        assertThat(AnswerShaping.askedYears(null, 2009, 2011)).containsExactly(2009, 2010, 2011);
        assertThat(AnswerShaping.askedYears(null, 2009, null)).isEmpty();
        assertThat(AnswerShaping.askedYears(null, null, null)).isEmpty();
    }

    @Test
    void shouldSayNoRecordsOnlyWhenEveryYearAskedForHasNone() {
        Set<Integer> recorded = Set.of(2011, 2012);
        assertThat(AnswerShaping.noRecords(Set.of(2009, 2013), recorded::contains)).isTrue();
        assertThat(AnswerShaping.noRecords(Set.of(2012, 2013), recorded::contains)).isFalse();
        assertThat(AnswerShaping.noRecords(Set.of(), recorded::contains)).isFalse();
    }

    @Test
    void shouldListAStaffAnswersYearsWithoutRecordsAsNoDataGroupsOfAOneWayQuestion() {
        Stats stats = new Stats(7, List.of(new Group(year(2012), 4, 4 / 7.0), new Group(year(2011), 3, 3 / 7.0)),
                null, null, List.of(new NoData(year(2010).get(0), NoData.Reason.NO_RECORDS_FOR_YEAR)));
        StatsAnswer byCount = AnswerShaping.exact(stats, BY_YEAR, Order.COUNT, false);
        assertThat(codes(byCount.groups())).containsExactly("2012", "2011", "2010");
        assertThat(byCount.groups().get(2).reason()).isEqualTo("NO_DATA");
        assertThat(byCount.groups().get(2).count()).isNull();
        assertThat(byCount.groups().get(0).share()).isEqualTo(4 / 7.0);
        assertThat(byCount.total()).isEqualTo(7);
        assertThat(byCount.estimate()).isEqualTo(StatsAnswer.Estimate.EXACT);
        assertThat(codes(AnswerShaping.exact(stats, BY_YEAR, Order.KEY, false).groups()))
                .containsExactly("2010", "2011", "2012");
        Stats twoWay = new Stats(7, List.of(new Group(List.of(year(2012).get(0), new GroupKey("GENDER", "MALE")), 7,
                1.0)), null, null, stats.noData());
        assertThat(AnswerShaping.exact(twoWay, List.of(PersonDimension.ASSESSMENT_YEAR, PersonDimension.GENDER),
                Order.COUNT, false).groups()).hasSize(1);
    }
}
