package dk.cmm.stats.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dk.cmm.stats.stats.Group;
import dk.cmm.stats.stats.Stats;

/**
 * Section 4, nationality: how many countries, the large regions with their shares in words and the small ones by
 * count (before figure 4), then the leading countries and their share (before figure 5).
 */
final class NationalitySection {

    /** A region at or above this share is named with its share ("knap halvdelen fra Afrika"), below by count. */
    static final double LARGE_REGION = 0.15;

    /** Countries are ranked only from this many on. */
    static final int RANKED_FROM = 5;

    record Numbers(int total, Stats byRegion, Stats byNationality) {
    }

    private NationalitySection() {
    }

    static ReportText.Nationality write(Numbers numbers, Prose p) {
        int total = numbers.total();
        List<Group> countries = Prose.known(numbers.byNationality());
        if (countries.isEmpty()) {
            return new ReportText.Nationality(List.of(p.m.format("text.nationality.none", "year", p.year,
                    "persons", p.persons(total))), List.of());
        }
        Optional<String> partial = p.partial(numbers.byNationality(), "nationality");
        if (partial.isPresent()) {
            return new ReportText.Nationality(List.of(partial.get()), List.of());
        }
        List<String> sentences = Prose.sentences();
        sentences.add(p.m.format(countries.size() == 1 ? "text.nationality.countries.one"
                : "text.nationality.countries", "total", p.n(total), "countries", p.n(countries.size())));
        List<Group> regions = Prose.known(numbers.byRegion());
        List<Group> large = regions.stream().filter(g -> g.share() >= LARGE_REGION).toList();
        List<Group> small = regions.stream().filter(g -> g.share() < LARGE_REGION).toList();
        List<String> items = new ArrayList<>();
        for (Group g : large) {
            items.add(p.m.format(items.isEmpty() ? "text.region.first" : "text.region.next",
                    "share", p.proportion(g.count(), total), "n", p.n(g.count()), "region", p.inText(g.key().get(0))));
        }
        if (!items.isEmpty()) {
            sentences.add(p.m.capitalised(p.m.list(items)) + ".");
        }
        if (!small.isEmpty()) {
            sentences.add(p.m.format(large.isEmpty() ? "text.region.only" : "text.region.fewer", "regions",
                    p.list(small, p::labelledCount)));
        }

        List<String> top = Prose.sentences();
        int k = Prose.topCount(countries);
        if (k > 0 && countries.size() >= RANKED_FROM) {
            List<Group> leaders = countries.subList(0, k);
            int sum = leaders.stream().mapToInt(Group::count).sum();
            top.add(p.m.format("text.countries.top", "countries", p.list(leaders, g -> p.inText(g.key().get(0))),
                    "counts", p.list(leaders, g -> p.n(g.count())), "percent", p.f.percent(sum, total)));
            List<Group> rest = countries.subList(k, countries.size());
            if (rest.size() >= 3) {
                top.add(p.m.format("text.countries.rest", "countries", p.n(rest.size()), "range",
                        p.f.range(rest.get(rest.size() - 1).count(), rest.get(0).count())));
            }
        }
        return new ReportText.Nationality(List.of(Prose.paragraph(sentences)),
                top.isEmpty() ? List.of() : List.of(Prose.paragraph(top)));
    }
}
