package dk.cmm.stats.stats;

import java.util.List;

/**
 * One breakdown of a batch ({@link StatsService#personStats(List)}): the same three arguments as
 * {@link StatsService#personStats(PersonFilter, List, boolean)}, whose answer it gets.
 *
 * @param filter       which persons to count (null: all)
 * @param groupBy      the dimensions to group by, in key order (null: none)
 * @param includeEmpty whether to add the codes the filter allows that have no persons, with count 0
 */
public record PersonQuery(PersonFilter filter, List<PersonDimension> groupBy, boolean includeEmpty) {

    public PersonQuery {
        filter = filter == null ? PersonFilter.ALL : filter;
        groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
    }
}
