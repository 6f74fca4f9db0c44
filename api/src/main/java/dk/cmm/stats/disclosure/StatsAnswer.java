package dk.cmm.stats.disclosure;

import java.util.List;

import dk.cmm.stats.stats.NumericSummary;

/**
 * A breakdown as a caller sees it, exact or protected, in one shape: {@code total} and a group's count are null
 * where withheld. Staff get the exact numbers with nothing withheld.
 */
public record StatsAnswer(Integer total, List<AnswerGroup> groups, NumericSummary age, NumericSummary stayDays) {
}
