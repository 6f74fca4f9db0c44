package dk.cmm.stats.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import dk.cmm.stats.codebook.Gender;
import dk.cmm.stats.codebook.Status;
import dk.cmm.stats.stats.Group;
import dk.cmm.stats.stats.NumericSummary;
import dk.cmm.stats.stats.Stats;

/**
 * Section 8, the course after the assessment: the status at the cut-off, then one subsection per outcome (prepared
 * returns via IOM, returns assisted by the centre, EU citizens who stayed, declined or left support) and the rest.
 */
final class CourseSection {

    /** The outcomes with a subsection of their own; the other statuses are told together. */
    private static final Set<String> OWN_SUBSECTION = Set.of(Status.PREPARED_RETURN_IOM.name(),
            Status.ASSISTED_RETURN_CMM.name(), Status.STAYED_EU_CITIZEN.name(), Status.DECLINED_OR_LEFT.name());

    /**
     * @param cutOff                    the year note's cut-off date, or null
     * @param byStatus                  the year's persons by {@code STATUS}
     * @param iomByAccommodation        the year's prepared returns via IOM by {@code ACCOMMODATION} (with stay days)
     * @param iomByGender               … by {@code GENDER}
     * @param iomOfYearByAssessmentYear every prepared return via IOM of the year, by {@code ASSESSMENT_YEAR}
     * @param iomOfYearByGender         … by {@code GENDER}
     * @param cmmByAccommodation        the year's returns assisted by the centre by {@code ACCOMMODATION}
     * @param cmmEquivalentToIom        of those, how many had support equal to a prepared return
     * @param euByNationality           the year's EU citizens who stayed, by {@code NATIONALITY}
     * @param declinedByNationality     the year's persons who declined or left support (with stay days)
     */
    record Numbers(int year, int total, LocalDate cutOff, Stats byStatus, Stats iomByAccommodation, Stats iomByGender,
            Stats iomOfYearByAssessmentYear, Stats iomOfYearByGender, Stats cmmByAccommodation,
            int cmmEquivalentToIom, Stats euByNationality, Stats declinedByNationality) {

        /** Prepared returns via IOM during the year of persons assessed in earlier years. */
        int iomAssessedEarlier() {
            return iomOfYearByAssessmentYear.groups().stream()
                    .filter(g -> !Prose.isUnknown(g) && Integer.parseInt(g.code()) < year)
                    .mapToInt(Group::count).sum();
        }
    }

    private CourseSection() {
    }

    static ReportText.Course write(Numbers numbers, Prose p) {
        Stats byStatus = numbers.byStatus();
        int total = numbers.total();
        List<String> intro = List.of(p.m.get("text.status.offer"));
        List<Group> known = Prose.known(byStatus);
        if (known.isEmpty()) {
            return new ReportText.Course(intro, List.of(p.m.format("text.status.none", "year", p.year, "persons",
                    p.persons(total))), List.of(p.m.get("text.status.subsection.none")), List.of(), List.of(),
                    List.of(), List.of(), List.of(), List.of(), List.of());
        }
        String at = numbers.cutOff() != null ? p.m.format("text.status.at", "date", p.f.monthYear(numbers.cutOff()))
                : p.m.get("text.status.atCutOff");
        int unknownStatus = Prose.unknown(byStatus);
        String notCounted = p.m.format("text.status.notCounted", "known", p.n(total - unknownStatus),
                "total", p.n(total), "year", p.year);
        List<String> status = List.of(p.m.format("text.status", "at", at, "total", p.n(total), "year", p.year));

        // prepared returns via IOM
        int iom = Prose.count(byStatus, Status.PREPARED_RETURN_IOM);
        List<String> iomText = Prose.sentences();
        if (iom == 0) {
            iomText.add(unknownStatus > 0 ? notCounted : p.m.format("text.iom.none", "year", p.year));
        } else {
            iomText.add(p.m.format("text.iom", "persons", p.persons(iom), "year", p.year));
            stay(iomText, numbers.iomByAccommodation().stayDays(), iom, p);
            accommodation(iomText, numbers.iomByAccommodation(), p);
            genderOf(iomText, numbers.iomByGender(), iom, p);
        }
        int allIom = numbers.iomOfYearByGender().total();
        List<String> allText = Prose.sentences();
        if (allIom > 0) {
            int earlier = numbers.iomAssessedEarlier();
            allText.add(p.m.format("text.iom.all", "persons", p.persons(allIom), "year", p.year));
            if (earlier > 0) {
                allText.add(p.m.format("text.iom.earlier", "n", p.n(earlier), "year", p.year));
            }
            genderOf(allText, numbers.iomOfYearByGender(), allIom, p);
        }

        // returns assisted by the centre
        int cmm = Prose.count(byStatus, Status.ASSISTED_RETURN_CMM);
        List<String> cmmText = Prose.sentences();
        List<String> cmmStay = Prose.sentences();
        if (cmm == 0) {
            cmmText.add(unknownStatus > 0 ? notCounted : p.m.format("text.cmm.none", "year", p.year));
        } else {
            cmmText.add(p.m.format("text.cmm", "persons", p.persons(cmm), "year", p.year));
            if (numbers.cmmEquivalentToIom() > 0) {
                cmmText.add(p.m.format("text.cmm.equivalent", "persons", p.persons(numbers.cmmEquivalentToIom())));
            }
            stay(cmmStay, numbers.cmmByAccommodation().stayDays(), cmm, p);
            accommodation(cmmStay, numbers.cmmByAccommodation(), p);
        }

        // EU citizens who stayed
        Stats eu = numbers.euByNationality();
        List<String> euText = Prose.sentences();
        if (eu.total() == 0) {
            euText.add(unknownStatus > 0 ? notCounted : p.m.format("text.eu.none", "year", p.year));
        } else {
            euText.add(p.m.format("text.eu", "persons", p.persons(eu.total())));
            List<Group> countries = Prose.known(eu);
            if (!countries.isEmpty()) {
                List<String> items = Prose.sentences();
                for (Group g : countries) {
                    items.add(p.m.format(items.isEmpty() ? "text.eu.country.first" : "text.eu.country.next",
                            "persons", p.persons(g.count()), "n", p.n(g.count()), "country", p.inText(g.key().get(0))));
                }
                euText.add(p.m.format("text.eu.countries", "list", p.m.list(items)));
            }
        }

        // declined or left support
        int declined = Prose.count(byStatus, Status.DECLINED_OR_LEFT);
        String declinedText = declined == 0
                ? unknownStatus > 0 ? notCounted : p.m.format("text.declined.none", "year", p.year)
                : p.m.format("text.declined", "persons", p.persons(declined));
        NumericSummary stayDays = numbers.declinedByNationality().stayDays();
        List<String> declinedStay = declined > 0 && stayDays.count() > 0
                ? List.of(p.m.format("text.declined.stay", "range", p.f.range(stayDays.min(), stayDays.max())))
                : List.of();

        // the rest
        List<Group> others = known.stream().filter(g -> !OWN_SUBSECTION.contains(g.code())).toList();
        List<String> rest = Prose.sentences();
        if (!others.isEmpty()) {
            int sum = others.stream().mapToInt(Group::count).sum();
            rest.add(p.m.format("text.status.others", "persons", p.persons(sum), "list",
                    p.list(others, g -> p.m.format("text.item.count", "item", p.phrase("status.in", g.code()),
                            "n", p.n(g.count())))));
        }
        p.unknownFor(byStatus, "status").ifPresent(rest::add);

        return new ReportText.Course(intro, status, List.of(Prose.paragraph(iomText)), paragraphOrNone(allText),
                List.of(Prose.paragraph(cmmText)), paragraphOrNone(cmmStay), List.of(Prose.paragraph(euText)),
                List.of(declinedText), declinedStay, paragraphOrNone(rest));
    }

    private static List<String> paragraphOrNone(List<String> sentences) {
        return sentences.isEmpty() ? List.of() : List.of(Prose.paragraph(sentences));
    }

    private static void stay(List<String> sentences, NumericSummary stayDays, int persons, Prose p) {
        if (stayDays.count() > 0) {
            sentences.add(p.m.format(persons == 1 ? "text.stay.one" : "text.stay", "n", p.n(persons),
                    "range", p.f.range(stayDays.min(), stayDays.max())));
        }
    }

    private static void accommodation(List<String> sentences, Stats byAccommodation, Prose p) {
        List<Group> known = Prose.known(byAccommodation);
        if (!known.isEmpty()) {
            List<String> items = Prose.sentences();
            for (Group g : known) {
                items.add(p.m.format(g.count() == 1 ? "text.accommodation.one" : "text.accommodation", "n",
                        p.n(g.count()), "persons", p.persons(g.count()), "where", p.phrase("accommodation", g.code())));
            }
            sentences.add(p.m.capitalised(p.m.list(items)) + ".");
        }
    }

    private static void genderOf(List<String> sentences, Stats byGender, int total, Prose p) {
        int women = Prose.count(byGender, Gender.FEMALE);
        int men = Prose.count(byGender, Gender.MALE);
        if (women == total) {
            sentences.add(p.m.format(total == 1 ? "text.gender.of.woman" : "text.gender.of.allWomen", "n",
                    p.n(total)));
        } else if (men == total) {
            sentences.add(p.m.format(total == 1 ? "text.gender.of.man" : "text.gender.of.allMen", "n", p.n(total)));
        } else if (women + men > 0) {
            sentences.add(p.m.format("text.gender.of", "women", p.n(women), "men", p.n(men)));
        }
    }
}
