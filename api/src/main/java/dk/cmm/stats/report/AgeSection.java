package dk.cmm.stats.report;

import java.util.List;

import dk.cmm.stats.codebook.AgeGroup;
import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.stats.NumericSummary;
import dk.cmm.stats.stats.Stats;

/** Section 7, age: the range and mean age at identification, and whether any were minors. */
final class AgeSection {

    /**
     * @param age        the age summary of the year's persons
     * @param byAgeGroup the year's persons by {@code AGE_GROUP} (with empty groups)
     */
    record Numbers(int total, NumericSummary age, Stats byAgeGroup) {
    }

    private AgeSection() {
    }

    static ReportText.Age write(Numbers numbers, Prose p) {
        NumericSummary age = numbers.age();
        List<String> sentences = Prose.sentences();
        if (age.count() > 0) {
            sentences.add(p.m.format("text.age.range", "range", p.f.range(age.min(), age.max()), "mean",
                    p.f.rounded(age.mean())));
        }
        int minors = Prose.count(numbers.byAgeGroup(), AgeGroup.UNDER_18);
        int unknownGroup = numbers.byAgeGroup().count(Codebook.UNKNOWN);
        if (minors > 0) {
            sentences.add(p.m.format("text.age.minors", "persons", p.persons(minors), "year", p.year));
        } else if (unknownGroup == 0) {
            sentences.add(p.m.format("text.age.noMinors", "year", p.year));
        }
        int unknownAge = numbers.total() - age.count();
        if (age.count() == 0 && minors == 0) {
            sentences.add(p.m.format("text.age.none", "year", p.year, "persons", p.persons(numbers.total())));
        } else if (unknownGroup > 0) {
            sentences.add(p.m.format("text.unknownFor", "persons", p.persons(unknownGroup), "what",
                    p.m.get("what.age")));
        } else if (unknownAge > 0 && age.count() > 0) {
            sentences.add(p.m.format("text.age.exactUnknown", "persons", p.persons(unknownAge)));
        }
        return new ReportText.Age(List.of(Prose.paragraph(sentences)));
    }
}
