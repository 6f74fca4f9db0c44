package dk.cmm.stats.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dk.cmm.stats.codebook.CodeList;
import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.codebook.Exploitation;
import dk.cmm.stats.codebook.Gender;
import dk.cmm.stats.stats.Group;
import dk.cmm.stats.stats.Stats;

/**
 * Section 6, gender: the split of women and men (or that all were one or the other, or as many of each), then
 * forced labour by gender with each gender's sectors, and whether prostitution concerned women only.
 */
final class GenderSection {

    /** Forced labour is "about evenly" split when the difference is at most this share of the cases (or 1). */
    static final double EVEN = 0.2;

    /** The genders whose forced-labour sectors are told, in the report's order. */
    private static final List<Gender> SECTOR_GENDERS = List.of(Gender.MALE, Gender.FEMALE);

    /**
     * @param byGender                      the year's persons by {@code GENDER}
     * @param byExploitation                by {@code EXPLOITATION}
     * @param exploitationByGender          by {@code EXPLOITATION, GENDER}
     * @param forcedLabourBySectorAndGender forced labour by {@code LABOUR_SECTOR, GENDER}
     */
    record Numbers(int total, Stats byGender, Stats byExploitation, Stats exploitationByGender,
            Stats forcedLabourBySectorAndGender) {
    }

    private GenderSection() {
    }

    static ReportText.Gender write(Numbers numbers, Prose p) {
        if (Prose.known(numbers.byGender()).isEmpty()) {
            return new ReportText.Gender(List.of(p.m.format("text.gender.none", "year", p.year, "persons",
                    p.persons(numbers.total()))));
        }
        List<String> paragraphs = new java.util.ArrayList<>();
        Optional<String> partial = p.partial(numbers.byGender(), "gender");
        paragraphs.add(partial.orElseGet(() -> split(numbers, p)));
        forcedLabour(numbers, p).ifPresent(paragraphs::add);
        prostitution(numbers, p).ifPresent(paragraphs::add);
        return new ReportText.Gender(List.copyOf(paragraphs));
    }

    private static String split(Numbers numbers, Prose p) {
        int total = numbers.total();
        List<String> sentences = Prose.sentences();
        int women = Prose.count(numbers.byGender(), Gender.FEMALE);
        int men = Prose.count(numbers.byGender(), Gender.MALE);
        int other = Prose.count(numbers.byGender(), Gender.OTHER);
        if (women == total) {
            sentences.add(p.m.format("text.gender.allWomen", "total", p.n(total)));
        } else if (men == total) {
            sentences.add(p.m.format("text.gender.allMen", "total", p.n(total)));
        } else if (women == men) {
            sentences.add(p.m.format("text.gender.equal", "n", p.n(women)));
        } else {
            sentences.add(p.m.format(women > men ? "text.gender.women" : "text.gender.men",
                    "share", p.proportion(Math.max(women, men), total), "most", p.n(Math.max(women, men)),
                    "fewest", p.n(Math.min(women, men))));
        }
        if (other > 0) {
            sentences.add(p.m.format("text.gender.other", "persons", p.persons(other)));
        }
        return Prose.paragraph(sentences);
    }

    private static Optional<String> forcedLabour(Numbers numbers, Prose p) {
        Stats cross = numbers.exploitationByGender();
        int women = Prose.count(cross, Exploitation.FORCED_LABOUR, Gender.FEMALE);
        int men = Prose.count(cross, Exploitation.FORCED_LABOUR, Gender.MALE);
        if (women + men == 0) {
            return Optional.empty();
        }
        List<String> sentences = Prose.sentences();
        boolean even = Math.abs(women - men) <= Math.max(1, Math.round(EVEN * (women + men)));
        sentences.add(p.m.format(even ? "text.gender.forcedLabour.even" : "text.gender.forcedLabour",
                "women", p.n(women), "men", p.n(men)));
        for (Gender gender : SECTOR_GENDERS) {
            List<Group> sectors = numbers.forcedLabourBySectorAndGender().groups().stream()
                    .filter(x -> x.key().get(1).code().equals(gender.name()) && x.count() > 0
                            && !x.key().get(0).code().equals(Codebook.UNKNOWN))
                    .sorted(Comparator.comparing(Group::count).reversed()
                            .thenComparing(x -> CodeList.LABOUR_SECTOR.codes().indexOf(x.code())))
                    .toList();
            if (!sectors.isEmpty()) {
                List<String> items = Prose.sentences();
                for (Group s : sectors) {
                    items.add(p.m.format(items.isEmpty() ? "text.gender.sector.first" : "text.gender.sector.next",
                            "n", p.n(s.count()), "persons", p.persons(s.count()),
                            "sector", p.phrase("sector.to", s.key().get(0).code())));
                }
                sentences.add(p.m.format("text.gender.sectors." + gender.name(), "list", p.m.list(items)));
            }
        }
        return Optional.of(Prose.paragraph(sentences));
    }

    private static Optional<String> prostitution(Numbers numbers, Prose p) {
        Stats cross = numbers.exploitationByGender();
        int prostitution = Prose.count(numbers.byExploitation(), Exploitation.PROSTITUTION);
        int women = Prose.count(cross, Exploitation.PROSTITUTION, Gender.FEMALE);
        int unknown = cross.group(Exploitation.PROSTITUTION.name(), Codebook.UNKNOWN).map(Group::count).orElse(0);
        if (prostitution == 0 || unknown > 0) {
            return Optional.empty();
        }
        return Optional.of(women == prostitution ? p.m.get("text.gender.prostitution.allWomen")
                : p.m.format("text.gender.prostitution", "women", p.n(women), "total", p.n(prostitution)));
    }
}
