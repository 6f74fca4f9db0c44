package dk.cmm.stats.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import dk.cmm.stats.outreach.Programme;
import dk.cmm.stats.stats.GroupKey;
import dk.cmm.stats.stats.OutreachDimension;
import dk.cmm.stats.stats.OutreachFilter;
import dk.cmm.stats.stats.OutreachRow;
import dk.cmm.stats.stats.PersonDimension;

/**
 * Disclosure control of outreach metrics for anonymous callers. Activities, contacts and anonymous observations are
 * events and stay exact. Counts of persons are protected:
 * <ul>
 * <li>{@code assessedTrafficked} counts victims, so it is read from the protected person table of the year by
 * contact programme: the same cell has the same status here and in {@code personStats}; by month it is withheld
 * (the person tables have no month);</li>
 * <li>{@code newPersons} is protected as a table of its own over the question's groupBy dimensions (primary and
 * secondary suppression, margins included); {@code uniquePersons} (distinct pseudonyms, not additive) and the
 * health uses per person are withheld below k.</li>
 * </ul>
 * Anonymous questions name exactly one year (or group by YEAR without a year filter) and filter by nothing else, so
 * two questions never differ by a filter that isolates a few persons.
 */
@Component
public class OutreachProtection {

    private final ProtectedTables tables;
    private final DisclosureProperties properties;
    private final MongoTemplate mongo;

    public OutreachProtection(ProtectedTables tables, DisclosureProperties properties, MongoTemplate mongo) {
        this.tables = tables;
        this.properties = properties;
        this.mongo = mongo;
    }

    public void check(OutreachFilter filter, List<OutreachDimension> groupBy) {
        OutreachFilter f = filter == null ? OutreachFilter.ALL : filter;
        if (notEmpty(f.programme()) || notEmpty(f.programmeKind()) || notEmpty(f.city())) {
            throw new DisclosureLimitException("filter", "Without an API token, outreach questions filter by year "
                    + "only: group by PROGRAMME, PROGRAMME_KIND or CITY instead.");
        }
        boolean oneYear = f.years() != null && f.years().size() == 1;
        boolean byYear = !notEmpty(f.years()) && groupBy.contains(OutreachDimension.YEAR);
        if (!oneYear && !byYear) {
            throw new DisclosureLimitException("filter.years", "Without an API token, an outreach question names "
                    + "exactly one year in filter.years (or groups by YEAR without a year filter).");
        }
        if (groupBy.size() > properties.maxGroupBy()) {
            throw new DisclosureLimitException("groupBy", "Without an API token, groupBy takes at most "
                    + properties.maxGroupBy() + " dimensions (got " + groupBy.size() + ").");
        }
    }

    public List<ProtectedOutreachRow> protect(OutreachFilter filter, List<OutreachDimension> groupBy,
            List<OutreachRow> rows) {
        OutreachFilter f = filter == null ? OutreachFilter.ALL : filter;
        check(f, groupBy);
        int k = properties.k();
        Map<List<GroupKey>, Boolean> newWithheld = protectAdditive(groupBy, rows, OutreachRow::newPersons);
        Map<String, Programme> programmes = new HashMap<>();
        mongo.findAll(Programme.class).forEach(p -> programmes.put(p.code(), p));
        List<ProtectedOutreachRow> result = new ArrayList<>();
        for (OutreachRow row : rows) {
            Integer unique = row.uniquePersons() == null || row.uniquePersons() == 0 || row.uniquePersons() >= k
                    ? row.uniquePersons() : null;
            Integer newPersons = newWithheld.getOrDefault(row.key(), false) ? null : row.newPersons();
            Integer assessed = assessed(f, groupBy, row, programmes);
            boolean healthShown = unique != null && unique >= k;
            result.add(new ProtectedOutreachRow(row.key(), row.activities(), row.contacts(), unique, newPersons,
                    row.observed(), row.observedNew(), row.nationalities(), row.healthServiceUses(),
                    row.abortionReferrals(), row.activeWeeks(), row.contactsPerActivity(),
                    healthShown ? row.healthUsesPerPerson() : null, assessed,
                    (row.uniquePersons() != null && unique == null) || newPersons == null || assessed == null));
        }
        return List.copyOf(result);
    }

    /** The row's victims, from the protected person table of assessment year by contact programme. */
    private Integer assessed(OutreachFilter f, List<OutreachDimension> groupBy, OutreachRow row,
            Map<String, Programme> programmes) {
        Set<String> years = f.years() == null ? null : new LinkedHashSet<>(f.years().stream().map(String::valueOf)
                .toList());
        Set<String> selected = null;
        for (int i = 0; i < groupBy.size(); i++) {
            String code = row.key().get(i).code();
            switch (groupBy.get(i)) {
                case YEAR -> years = Set.of(code);
                case MONTH -> {
                    return null;
                }
                case PROGRAMME -> selected = intersect(selected, Set.of(code));
                case PROGRAMME_KIND -> selected = intersect(selected, programmesWhere(programmes,
                        p -> p.kind() != null && p.kind().name().equals(code)));
                case CITY -> selected = intersect(selected, programmesWhere(programmes,
                        p -> code.equals(p.city())));
            }
        }
        if (selected == null) {
            selected = new LinkedHashSet<>(programmes.keySet());
        }
        if (years == null || years.size() != 1) {
            return null;
        }
        ProtectedTable table = tables.table(TableSource.PERSONS, years.iterator().next(),
                List.of(PersonDimension.CONTACT_PROGRAMME.name()));
        Map<String, Set<String>> filter = new HashMap<>();
        filter.put(PersonDimension.CONTACT_PROGRAMME.name(), selected);
        Map<String, Set<String>> byAxis = AnonymousStats.leaves(TableSource.PERSONS, table, filter);
        OptionalLong count = table.answer(table.axisNames().stream().map(byAxis::get).toList());
        return count.isPresent() ? (int) count.getAsLong() : null;
    }

    private static Set<String> programmesWhere(Map<String, Programme> programmes,
            java.util.function.Predicate<Programme> test) {
        Set<String> codes = new LinkedHashSet<>();
        programmes.values().stream().filter(test).forEach(p -> codes.add(p.code()));
        return codes;
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        if (a == null) {
            return b;
        }
        Set<String> both = new LinkedHashSet<>(a);
        both.retainAll(b);
        return both;
    }

    /** Which rows of an additive count are withheld, protecting the rows as a table with all its margins. */
    private Map<List<GroupKey>, Boolean> protectAdditive(List<OutreachDimension> groupBy, List<OutreachRow> rows,
            ToIntFunction<OutreachRow> measure) {
        List<Axis> axes = new ArrayList<>();
        for (int i = 0; i < groupBy.size(); i++) {
            Set<String> codes = new LinkedHashSet<>();
            for (OutreachRow row : rows) {
                codes.add(row.key().get(i).code());
            }
            axes.add(Axis.flat(groupBy.get(i).name(), List.copyOf(codes)));
        }
        Map<List<String>, Long> counts = new LinkedHashMap<>();
        for (OutreachRow row : rows) {
            counts.merge(row.key().stream().map(GroupKey::code).toList(), (long) measure.applyAsInt(row), Long::sum);
        }
        ProtectedTable table = protectFamily(new CountTable(axes, counts));
        Map<List<GroupKey>, Boolean> withheld = new HashMap<>();
        for (OutreachRow row : rows) {
            withheld.put(row.key(), table.isSuppressed(table.cell(row.key().stream().map(GroupKey::code).toList())));
        }
        return withheld;
    }

    private ProtectedTable protectFamily(CountTable full) {
        return new DisclosureControl(properties.k()).protectFamily(full).get(full.axisNames());
    }

    private static boolean notEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }
}
