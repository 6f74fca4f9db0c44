package dk.cmm.stats.stats;

import java.util.List;
import java.util.Optional;

/**
 * A breakdown: how many records matched, the groups that have data, (for persons) age and stay summaries, and the
 * groups asked for that have no data at all ({@link NoData}: a year the filter names but no record holds). A group
 * with count 0 is a known zero (a code {@code includeEmpty} added); a {@link NoData} entry is an unknown number.
 */
public record Stats(int total, List<Group> groups, NumericSummary age, NumericSummary stayDays,
        List<NoData> noData) {

    public Stats {
        groups = List.copyOf(groups);
        noData = noData == null ? List.of() : List.copyOf(noData);
    }

    /** A breakdown without "no data" groups. */
    public Stats(int total, List<Group> groups, NumericSummary age, NumericSummary stayDays) {
        this(total, groups, age, stayDays, List.of());
    }

    /** The count of the group whose (first) code is given, 0 if there is none. */
    public int count(String code) {
        return group(code).map(Group::count).orElse(0);
    }

    public Optional<Group> group(String... codes) {
        return groups.stream().filter(g -> matches(g, codes)).findFirst();
    }

    /** Whether the year code (of the year dimension) was asked for and has no data at all. */
    public boolean hasNoData(String code) {
        return noData.stream().anyMatch(n -> n.key().code().equals(code));
    }

    private static boolean matches(Group group, String... codes) {
        if (group.key().size() != codes.length) {
            return false;
        }
        for (int i = 0; i < codes.length; i++) {
            if (!group.key().get(i).code().equals(codes[i])) {
                return false;
            }
        }
        return true;
    }
}
