package dk.cmm.stats.stats;

import java.util.List;
import java.util.Optional;

/** A breakdown: how many records matched, the groups, and (for persons) age and stay summaries. */
public record Stats(int total, List<Group> groups, NumericSummary age, NumericSummary stayDays) {

    /** The count of the group whose (first) code is given, 0 if there is none. */
    public int count(String code) {
        return group(code).map(Group::count).orElse(0);
    }

    public Optional<Group> group(String... codes) {
        return groups.stream().filter(g -> matches(g, codes)).findFirst();
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
