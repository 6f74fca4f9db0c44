package dk.cmm.stats.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.disclosure.TableGeometry.Cell;
import dk.cmm.stats.outreach.Programme;
import dk.cmm.stats.outreach.Programmes;
import dk.cmm.stats.stats.GroupKey;
import dk.cmm.stats.stats.OutreachDimension;
import dk.cmm.stats.stats.OutreachFilter;
import dk.cmm.stats.stats.OutreachRow;
import dk.cmm.stats.stats.PersonDimension;
import dk.cmm.stats.stats.StatsService;

/**
 * Outreach metrics for callers without a token. Activities, contacts and anonymous observations are events and
 * stay exact. Counts of persons are protected:
 * <ul>
 * <li>{@code assessedTrafficked} counts victims, so it is summed from the published cells of the year's person
 * release by contact programme (a city or kind is the sum of its programmes): the same number as in
 * {@code personStats}, or withheld; by month it is withheld (the person tables have no month);</li>
 * <li>{@code newPersons} is protected as one two-way table of the year, month × programme, with the same rule and
 * audit as the releases, and every row (by programme, kind, city, month) is summed from its published cells, so
 * no two groupings can be differenced;</li>
 * <li>{@code uniquePersons} (distinct pseudonyms, not additive) and the health uses per person are withheld below
 * k.</li>
 * </ul>
 */
@Component
public class OutreachProtection {

    private final StatsService stats;
    private final DisclosureProperties properties;
    private final Programmes programmes;
    /** Protected new-person tables, keyed by the exact counts they protect (so a change of data is a new key). */
    private final Map<List<Long>, Release> newPersonTables = new ConcurrentHashMap<>();

    public OutreachProtection(StatsService stats, DisclosureProperties properties, Programmes programmes) {
        this.stats = stats;
        this.properties = properties;
        this.programmes = programmes;
    }

    /** Every grouping a caller without a token may ask (none, one, or an ordered pair of dimensions but YEAR). */
    static List<List<OutreachDimension>> publicGroupings() {
        List<OutreachDimension> dims = java.util.Arrays.stream(OutreachDimension.values())
                .filter(d -> d != OutreachDimension.YEAR).toList();
        List<List<OutreachDimension>> groupings = new ArrayList<>();
        groupings.add(List.of());
        for (OutreachDimension a : dims) {
            groupings.add(List.of(a));
            for (OutreachDimension b : dims) {
                if (a != b) {
                    groupings.add(List.of(a, b));
                }
            }
        }
        return groupings;
    }

    static String key(List<OutreachDimension> groupBy) {
        return String.join(",", groupBy.stream().map(Enum::name).toList());
    }

    void check(OutreachFilter f, List<OutreachDimension> groupBy) {
        if (notEmpty(f.programme()) || notEmpty(f.programmeKind()) || notEmpty(f.city())) {
            throw new DisclosureLimitException("filter", "Without an API token, outreach questions filter by year "
                    + "only: group by PROGRAMME, PROGRAMME_KIND or CITY instead.");
        }
        if (f.years() == null || f.years().size() != 1) {
            throw new DisclosureLimitException("filter.years", "Without an API token, an outreach question names "
                    + "exactly one year in filter.years (for a series, ask one question per year).");
        }
        if (groupBy.size() > properties.maxGroupBy()) {
            throw new DisclosureLimitException("groupBy", "Without an API token, groupBy takes at most "
                    + properties.maxGroupBy() + " dimensions (got " + groupBy.size() + ").");
        }
    }

    /** The rows a caller without a token sees: the persons' counts protected (see the class comment). */
    List<OutreachRow> protect(OutreachFilter f, List<OutreachDimension> groupBy, List<OutreachRow> rows,
            Map<Integer, Release> personReleases) {
        int k = properties.k();
        int year = f.years().get(0);
        Map<String, Programme> programmes = new HashMap<>();
        this.programmes.all().forEach(p -> programmes.put(p.code(), p));
        Release newPersons = newPersons(year, programmes);
        Release persons = personReleases.get(year);
        List<OutreachRow> result = new ArrayList<>();
        for (OutreachRow row : rows) {
            Integer unique = row.uniquePersons() == null || row.uniquePersons() == 0 || row.uniquePersons() >= k
                    ? row.uniquePersons() : null;
            Set<String> selected = programmesOf(groupBy, row, programmes);
            Map<Integer, Set<Integer>> cell = new HashMap<>();
            cell.put(0, monthsOf(groupBy, row, newPersons));
            cell.put(1, nodes(newPersons, 1, selected));
            Integer fresh = count(newPersons, cell);
            Integer assessed = persons == null || groupBy.contains(OutreachDimension.MONTH) ? null
                    : assessed(persons, selected);
            boolean healthShown = unique != null && unique >= k;
            result.add(new OutreachRow(row.key(), row.activities(), row.contacts(), unique, fresh,
                    row.observed(), row.observedNew(), row.nationalities(), row.healthServiceUses(),
                    row.abortionReferrals(), row.activeWeeks(), row.contactsPerActivity(),
                    healthShown ? row.healthUsesPerPerson() : null, assessed,
                    (row.uniquePersons() != null && unique == null) || fresh == null || assessed == null));
        }
        return List.copyOf(result);
    }

    /** The year's new persons by month × programme, protected as a release is. */
    private Release newPersons(int year, Map<String, Programme> programmes) {
        List<String> programmeCodes = programmes.keySet().stream().sorted().toList();
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(String.valueOf(m));
        }
        List<Axis> axes = List.of(Axis.flat("MONTH", months), Axis.flat("PROGRAMME", programmeCodes));
        List<long[]> joint = new ArrayList<>();
        List<Long> signature = new ArrayList<>(List.of((long) year));
        for (OutreachRow row : stats.outreachStats(new OutreachFilter(List.of(year), null, null, null),
                List.of(OutreachDimension.MONTH, OutreachDimension.PROGRAMME))) {
            int month = axes.get(0).indexOf(row.key().get(0).code());
            int programme = axes.get(1).indexOf(row.key().get(1).code());
            if (month < 0 || programme < 0 || row.newPersons() == 0) {
                continue;
            }
            joint.add(new long[] { month, programme, row.newPersons() });
            signature.addAll(List.of((long) month, (long) programme, (long) row.newPersons()));
        }
        signature.addAll(programmeCodes.stream().map(c -> (long) c.hashCode()).toList());
        return newPersonTables.computeIfAbsent(List.copyOf(signature), s -> {
            TableGeometry geometry = new TableGeometry(axes, joint);
            Escalation.Outcome outcome = new Escalation(geometry, new ProtectionRule(properties.k()), Set.of(),
                    Map.of()).run();
            Map<String, Long> published = new HashMap<>();
            for (Cell cell : geometry.cells()) {
                if (!outcome.withheld().contains(cell)) {
                    published.put(ReleaseBuilder.key(geometry, cell), geometry.value(cell));
                }
            }
            return new Release("OUTREACH_NEW_PERSONS", year, 1, java.time.Instant.EPOCH, null, properties.k(), axes,
                    published, null, null, null, Map.of(), null);
        });
    }

    private static Integer count(Release release, Map<Integer, Set<Integer>> selection) {
        Map<Integer, Set<Integer>> restricted = new HashMap<>();
        selection.forEach((axis, nodes) -> {
            if (nodes != null) {
                restricted.put(axis, nodes);
            }
        });
        OptionalLong count = release.count(restricted);
        return count.isPresent() ? (int) count.getAsLong() : null;
    }

    private static Set<Integer> monthsOf(List<OutreachDimension> groupBy, OutreachRow row, Release table) {
        int i = groupBy.indexOf(OutreachDimension.MONTH);
        return i < 0 ? null : nodes(table, 0, Set.of(row.key().get(i).code()));
    }

    private static Set<Integer> nodes(Release table, int axis, Set<String> codes) {
        if (codes == null) {
            return null;
        }
        Set<Integer> nodes = new LinkedHashSet<>();
        for (String code : codes) {
            int node = table.axes().get(axis).indexOf(code);
            if (node > 0) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    /** The programmes of a row (null: all of them). */
    private static Set<String> programmesOf(List<OutreachDimension> groupBy, OutreachRow row,
            Map<String, Programme> programmes) {
        Set<String> selected = null;
        for (int i = 0; i < groupBy.size(); i++) {
            String code = row.key().get(i).code();
            Set<String> these = switch (groupBy.get(i)) {
                case PROGRAMME -> Set.of(code);
                case PROGRAMME_KIND -> where(programmes, p -> code.equals(p.kind() == null ? Codebook.UNKNOWN
                        : p.kind().name()));
                case CITY -> where(programmes, p -> code.equals(p.city() == null ? Codebook.UNKNOWN : p.city()));
                default -> null;
            };
            if (these != null) {
                selected = selected == null ? new LinkedHashSet<>(these) : intersect(selected, these);
            }
        }
        return selected;
    }

    /** The row's victims: persons of the year whose contact programme is one of the row's. */
    private static Integer assessed(Release persons, Set<String> selected) {
        int axis = persons.axisIndex(PersonDimension.CONTACT_PROGRAMME.name());
        Set<Integer> leaves = new LinkedHashSet<>();
        Axis contact = persons.axes().get(axis);
        for (String leaf : contact.leaves()) {
            String code = Axis.codeOf(leaf);
            if (!Codebook.UNKNOWN.equals(code) && (selected == null || selected.contains(code))) {
                leaves.add(contact.indexOf(leaf));
            }
        }
        OptionalLong count = persons.count(Map.of(axis, leaves));
        return count.isPresent() ? (int) count.getAsLong() : null;
    }

    private static Set<String> where(Map<String, Programme> programmes, java.util.function.Predicate<Programme> test) {
        Set<String> codes = new LinkedHashSet<>();
        programmes.values().stream().filter(test).forEach(p -> codes.add(p.code()));
        return codes;
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> both = new LinkedHashSet<>(a);
        both.retainAll(b);
        return both;
    }

    private static boolean notEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }
}
