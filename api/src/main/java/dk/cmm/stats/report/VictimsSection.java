package dk.cmm.stats.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dk.cmm.stats.codebook.AssessedBy;
import dk.cmm.stats.stats.Stats;

/** Section 2, the number of victims: how many were assessed in the year, and by which authority. */
final class VictimsSection {

    /** @param byAuthority the year's persons by {@code ASSESSED_BY} */
    record Numbers(int total, Stats byAuthority) {
    }

    private VictimsSection() {
    }

    static ReportText.Victims write(Numbers numbers, Prose p) {
        List<String> authorities = new ArrayList<>();
        authorities.add(p.m.get("text.authorities.definition"));
        Optional<String> partial = p.partial(numbers.byAuthority(), "authority");
        if (Prose.known(numbers.byAuthority()).isEmpty()) {
            authorities.add(p.m.format("text.authorities.none", "year", p.year));
        } else if (partial.isPresent()) {
            authorities.add(partial.get());
        } else {
            authorities.add(p.m.format("text.authorities", "year", p.year,
                    "immigration", p.persons(Prose.count(numbers.byAuthority(), AssessedBy.IMMIGRATION_SERVICE)),
                    "centre", p.persons(Prose.count(numbers.byAuthority(), AssessedBy.CMM))));
        }
        return new ReportText.Victims(List.of(p.m.format("text.victims", "year", p.year, "total",
                p.n(numbers.total()))), List.copyOf(authorities));
    }
}
