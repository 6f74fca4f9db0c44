package dk.cmm.stats.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.cmm.stats.codebook.CallerType;
import dk.cmm.stats.codebook.CodeList;
import dk.cmm.stats.stats.Group;
import dk.cmm.stats.stats.GroupKey;
import dk.cmm.stats.stats.GroupOrder;
import dk.cmm.stats.stats.HotlineDimension;
import dk.cmm.stats.stats.HotlineFilter;
import dk.cmm.stats.stats.OutreachDimension;
import dk.cmm.stats.stats.OutreachFilter;
import dk.cmm.stats.stats.OutreachRow;
import dk.cmm.stats.stats.Stats;
import dk.cmm.stats.stats.StatsService;

/**
 * The hotline and outreach numbers of all the years, from two questions over all of them (each a scan on the
 * embedded server, so asking per year would scan 24 times for 24 years): the calls by year, caller and reason,
 * and the outreach by year and programme. Each year's breakdown is summed from them: a year's groups are exactly
 * the groups its own question would give.
 */
final class OtherRecords {

    private final Stats callsByYearCallerAndReason;
    private final List<OutreachRow> outreachByYearAndProgramme;

    OtherRecords(StatsService stats, List<Integer> years) {
        callsByYearCallerAndReason = stats.hotlineStats(new HotlineFilter(years, null, null),
                List.of(HotlineDimension.YEAR, HotlineDimension.CALLER_TYPE, HotlineDimension.REASON), false);
        outreachByYearAndProgramme = stats.outreachStats(new OutreachFilter(years, null, null, null),
                List.of(OutreachDimension.YEAR, OutreachDimension.PROGRAMME));
    }

    Stats callsByCaller(int year) {
        return slice(year, null, HotlineDimension.CALLER_TYPE, List.of());
    }

    /** With a zero row for every reason without calls, as {@code includeEmpty} gives. */
    Stats policeByReason(int year) {
        return slice(year, CallerType.POLICE.name(), HotlineDimension.REASON, CodeList.CALL_REASON.codes());
    }

    List<OutreachRow> outreach(int year) {
        String y = Integer.toString(year);
        return outreachByYearAndProgramme.stream().filter(r -> r.key().get(0).code().equals(y))
                .map(r -> r.withKey(List.of(r.key().get(1))))
                .toList();
    }

    /**
     * One year's calls (of one caller type, or all) by one dimension, summed from the breakdown by year, caller
     * and reason, keyed by that dimension alone, in the service's order (by count, then code). Every record has
     * a code or {@code UNKNOWN}, so the groups add up to the total.
     */
    private Stats slice(int year, String callerType, HotlineDimension dimension, List<String> emptyCodes) {
        String y = Integer.toString(year);
        int position = dimension == HotlineDimension.CALLER_TYPE ? 1 : 2;
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Group g : callsByYearCallerAndReason.groups()) {
            if (g.key().get(0).code().equals(y) && (callerType == null || g.key().get(1).code().equals(callerType))) {
                counts.merge(g.key().get(position).code(), g.count(), Integer::sum);
            }
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        emptyCodes.forEach(code -> counts.putIfAbsent(code, 0));
        String name = dimension.name();
        List<Group> groups = new ArrayList<>();
        counts.forEach((code, count) -> groups.add(new Group(List.of(new GroupKey(name, code)), count,
                total == 0 ? 0 : (double) count / total)));
        groups.sort(GroupOrder.byCount(Group::count, Group::key));
        return new Stats(total, List.copyOf(groups), null, null);
    }
}
