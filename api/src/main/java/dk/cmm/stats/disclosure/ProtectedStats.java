package dk.cmm.stats.disclosure;

import java.util.List;

import dk.cmm.stats.stats.NumericSummary;

/**
 * A breakdown as an anonymous caller sees it: {@code total} is null when withheld, summaries are null when they could
 * single a person out.
 */
public record ProtectedStats(Integer total, List<ProtectedGroup> groups, NumericSummary age,
        NumericSummary stayDays) {
}
