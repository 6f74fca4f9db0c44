package dk.cmm.stats.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dk.cmm.stats.codebook.CodeList;
import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.stats.Group;
import dk.cmm.stats.stats.GroupKey;
import dk.cmm.stats.stats.Labels;
import dk.cmm.stats.stats.NumericSummary;
import dk.cmm.stats.stats.Stats;
import dk.cmm.stats.yearnote.YearNote;

/**
 * The report's sentences in one language, written from the year's numbers: the source report's sentences, with the
 * numbers in them and shares in words chosen from the actual share. Which sentence applies is decided here; the
 * words are in the message bundle ({@code text.*}). Every block is a list of paragraphs; a block with no data says so.
 */
final class Narrative {

    private final ReportData data;
    private final Messages m;
    private final Formats f;
    private final Labels labels;
    private final String year;
    private final Map<String, List<String>> blocks = new LinkedHashMap<>();

    private Narrative(ReportData data, Messages messages, Labels labels) {
        this.data = data;
        this.m = messages;
        this.f = new Formats(messages.lang());
        this.labels = labels;
        this.year = Integer.toString(data.year());
    }

    static Map<String, List<String>> write(ReportData data, Messages messages, Labels labels) {
        Narrative n = new Narrative(data, messages, labels);
        n.contacts();
        n.victims();
        n.channel();
        n.nationality();
        n.exploitation();
        n.gender();
        n.age();
        n.status();
        n.hotline();
        n.put("outreachNone", data.outreach().isEmpty() ? List.of(messages.format("text.outreach.none", "year",
                n.year)) : List.of());
        return Map.copyOf(n.blocks);
    }

    private int total() {
        return data.persons().total();
    }

    private void put(String block, List<String> paragraphs) {
        blocks.put(block, List.copyOf(paragraphs));
    }

    private void put(String block, String... paragraphs) {
        put(block, List.of(paragraphs));
    }

    private String n(int count) {
        return f.integer(count);
    }

    private String persons(int count) {
        return m.count(count, "person", f);
    }

    private String label(GroupKey key) {
        return labels.label(key, m.lang());
    }

    private String phrase(String kind, String code) {
        return m.get(kind + "." + code);
    }

    private static List<Group> known(Stats stats) {
        return stats.groups().stream().filter(g -> g.count() > 0 && !isUnknown(g)).toList();
    }

    private static boolean isUnknown(Group g) {
        return g.key().stream().anyMatch(k -> Codebook.UNKNOWN.equals(k.code()));
    }

    private static int unknown(Stats stats) {
        return stats.groups().stream().filter(Narrative::isUnknown).mapToInt(Group::count).sum();
    }

    private String proportion(int part, int whole) {
        return m.proportion(Proportion.of(part, whole));
    }

    /** "For 3 personer er {what} ikke oplyst." when some are unknown, else nothing. */
    private void unknownNote(List<String> sentences, Stats stats, String what) {
        int unknown = unknown(stats);
        if (unknown > 0) {
            sentences.add(m.format("text.unknownFor", "persons", persons(unknown), "what", m.get("what." + what)));
        }
    }

    /**
     * When only some persons have the attribute, shares of the whole would mislead: the block then gives the known
     * counts only, "Køn er kun oplyst for 6 af de 60 personer: Kvinder (6)." Returns whether it did.
     */
    private boolean partial(String block, Stats stats, String what) {
        int unknown = unknown(stats);
        List<Group> known = known(stats);
        if (unknown == 0 || known.isEmpty()) {
            return false;
        }
        int knownCount = known.stream().mapToInt(Group::count).sum();
        put(block, m.format("text.partial", "what", m.capitalised(m.get("what." + what)), "known", n(knownCount),
                "total", n(stats.total()), "list", list(known, g -> m.format("text.item.count", "item",
                        label(g.key().get(0)), "n", n(g.count())))));
        return true;
    }

    /** One paragraph from sentences. */
    private static String paragraph(List<String> sentences) {
        return String.join(" ", sentences);
    }

    private String list(List<Group> groups, Function<Group, String> item) {
        return m.list(groups.stream().map(item).toList());
    }

    // 1. Contacts
    private void contacts() {
        YearNote note = data.note();
        if (note == null || note.contactsEstimateMin() == null) {
            put("contacts", m.format("text.contacts.none", "year", year));
            return;
        }
        int min = note.contactsEstimateMin();
        int max = note.contactsEstimateMax() == null ? min : note.contactsEstimateMax();
        put("contacts", m.format("text.contacts", "year", year, "estimate", f.range(min, max)));
        String footnote = note.note(m.lang());
        put("contactsNote", footnote == null || footnote.isBlank() ? m.get("text.contacts.footnote") : footnote);
    }

    // 2. Number of victims
    private void victims() {
        put("victims", m.format("text.victims", "year", year, "total", n(total())));
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(m.get("text.authorities.definition"));
        List<Group> known = known(data.byAuthority());
        if (known.isEmpty()) {
            paragraphs.add(m.format("text.authorities.none", "year", year));
        } else if (partial("authoritiesPartial", data.byAuthority(), "authority")) {
            paragraphs.addAll(blocks.remove("authoritiesPartial"));
        } else {
            List<String> sentences = new ArrayList<>();
            int immigration = data.byAuthority().count("IMMIGRATION_SERVICE");
            int centre = data.byAuthority().count("CMM");
            sentences.add(m.format("text.authorities", "year", year, "immigration", persons(immigration),
                    "centre", persons(centre)));
            paragraphs.add(paragraph(sentences));
        }
        put("authorities", paragraphs);
    }

    // 3. Contact channel
    private void channel() {
        List<Group> known = known(data.byChannel());
        if (known.isEmpty()) {
            put("channel", m.format("text.channel.none", "year", year, "persons", persons(total())));
            return;
        }
        if (partial("channel", data.byChannel(), "channel")) {
            return;
        }
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            Group g = known.get(i);
            String how = phrase("channel", g.code());
            if (i == 0) {
                sentences.add(m.format("text.channel.first", "share", m.capitalised(proportion(g.count(), total())),
                        "year", year, "n", n(g.count()), "how", how));
            } else if (i == known.size() - 1 && i > 1) {
                sentences.add(m.format("text.channel.rest", "n", n(g.count()), "how", how));
            } else {
                sentences.add(m.format("text.channel.next", "share", m.capitalised(proportion(g.count(), total())),
                        "n", n(g.count()), "how", how));
            }
        }
        put("channel", paragraph(sentences));
    }

    // 4. Nationality
    private void nationality() {
        List<Group> countries = known(data.byNationality());
        if (countries.isEmpty()) {
            put("regions", m.format("text.nationality.none", "year", year, "persons", persons(total())));
            put("countries", List.of());
            return;
        }
        if (partial("regions", data.byNationality(), "nationality")) {
            put("countries", List.of());
            return;
        }
        List<String> sentences = new ArrayList<>();
        sentences.add(m.format(countries.size() == 1 ? "text.nationality.countries.one" : "text.nationality.countries",
                "total", n(total()), "countries", n(countries.size())));
        List<Group> regions = known(data.byRegion());
        List<Group> large = regions.stream().filter(g -> g.share() >= 0.15).toList();
        List<Group> small = regions.stream().filter(g -> g.share() < 0.15).toList();
        List<String> items = new ArrayList<>();
        for (Group g : large) {
            items.add(m.format(items.isEmpty() ? "text.region.first" : "text.region.next",
                    "share", proportion(g.count(), total()), "n", n(g.count()), "region", label(g.key().get(0))));
        }
        if (!items.isEmpty()) {
            sentences.add(m.capitalised(m.list(items)) + ".");
        }
        if (!small.isEmpty()) {
            sentences.add(m.format(large.isEmpty() ? "text.region.only" : "text.region.fewer", "regions",
                    list(small, g -> m.format("text.item.count", "item", label(g.key().get(0)), "n", n(g.count())))));
        }
        put("regions", paragraph(sentences));

        List<String> top = new ArrayList<>();
        int k = topCount(countries);
        if (k > 0 && countries.size() >= 5) {
            List<Group> leaders = countries.subList(0, k);
            int sum = leaders.stream().mapToInt(Group::count).sum();
            top.add(m.format("text.countries.top", "countries", list(leaders, g -> label(g.key().get(0))),
                    "counts", list(leaders, g -> n(g.count())), "percent", f.percent(sum, total())));
            List<Group> rest = countries.subList(k, countries.size());
            if (rest.size() >= 3) {
                top.add(m.format("text.countries.rest", "countries", n(rest.size()), "range",
                        f.range(rest.get(rest.size() - 1).count(), rest.get(0).count())));
            }
        }
        put("countries", top.isEmpty() ? List.of() : List.of(paragraph(top)));
    }

    /** How many leading rows to name as "the countries most come from": up to 3, never splitting a tie. */
    static int topCount(List<Group> sortedByCount) {
        int k = Math.min(3, sortedByCount.size());
        while (k > 0 && k < sortedByCount.size() && sortedByCount.get(k - 1).count() == sortedByCount.get(k).count()) {
            k--;
        }
        return k;
    }

    // 5. Exploitation
    private void exploitation() {
        List<Group> forms = known(data.byExploitation());
        if (forms.isEmpty()) {
            put("exploitation", m.format("text.exploitation.none", "year", year, "persons", persons(total())));
        } else if (!partial("exploitation", data.byExploitation(), "exploitation")) {
            List<String> sentences = new ArrayList<>();
            List<Group> main = forms.stream().filter(g -> g.share() >= 0.1).toList();
            List<Group> few = forms.stream().filter(g -> g.share() < 0.1).toList();
            for (Group g : main) {
                sentences.add(m.format(sentences.isEmpty() ? "text.exploitation.first" : "text.exploitation.next",
                        "n", n(g.count()), "persons", persons(g.count()), "form", phrase("exploitation", g.code())));
            }
            if (!few.isEmpty()) {
                int sum = few.stream().mapToInt(Group::count).sum();
                sentences.add(m.format(main.isEmpty() ? "text.exploitation.others.only" : "text.exploitation.others",
                        "n", n(sum), "forms", list(few, g -> m.format("text.item.count", "item",
                                phrase("exploitation", g.code()), "n", n(g.count())))));
            }
            put("exploitation", paragraph(sentences));
        }
        FigureData sectors = data.figure("07");
        List<Group> bySector = sectorTotals();
        if (bySector.isEmpty()) {
            int forcedLabour = data.byExploitation().count("FORCED_LABOUR");
            put("sectors", sectors.availability() == FigureData.Availability.EMPTY
                    ? m.format("text.sectors.empty", "year", year)
                    : m.format("text.sectors.none", "cases", m.count(forcedLabour, "case", f)));
            return;
        }
        List<String> sentences = new ArrayList<>();
        List<Group> main = bySector.subList(0, Math.min(2, bySector.size()));
        List<Group> rest = bySector.subList(main.size(), bySector.size());
        sentences.add(m.format("text.sectors.main", "sectors", list(main, this::sectorCases)));
        if (!rest.isEmpty()) {
            sentences.add(m.format("text.sectors.rest", "sectors", list(rest, this::sectorCases)));
        }
        int unknownSectors = sectors.rows().stream().filter(FigureData.Row::unknown).mapToInt(FigureData.Row::count)
                .sum();
        if (unknownSectors > 0) {
            sentences.add(m.format("text.sectors.unknown", "cases", m.count(unknownSectors, "case", f)));
        }
        put("sectors", paragraph(sentences));
    }

    private String sectorCases(Group g) {
        return m.format("text.item.cases", "item", phrase("sector.in", g.code()), "cases", m.count(g.count(), "case",
                f));
    }

    /** Forced-labour cases by known sector, sorted by count then code (figure 7's order). */
    private List<Group> sectorTotals() {
        return data.figure("07").rows().stream().filter(r -> !r.unknown() && r.count() > 0)
                .map(r -> new Group(r.key(), r.count(), 0)).toList();
    }

    // 6. Gender
    private void gender() {
        Stats byGender = data.byGender();
        List<Group> known = known(byGender);
        List<String> paragraphs = new ArrayList<>();
        if (known.isEmpty()) {
            put("gender", m.format("text.gender.none", "year", year, "persons", persons(total())));
            return;
        }
        if (partial("genderPartial", byGender, "gender")) {
            paragraphs.addAll(blocks.remove("genderPartial"));
        } else {
            paragraphs.add(genderSplit(byGender));
        }
        forcedLabourAndProstitution(paragraphs);
        put("gender", paragraphs);
    }

    private String genderSplit(Stats byGender) {
        List<String> sentences = new ArrayList<>();
        int women = byGender.count("FEMALE");
        int men = byGender.count("MALE");
        int other = byGender.count("OTHER");
        if (women == total()) {
            sentences.add(m.format("text.gender.allWomen", "total", n(total())));
        } else if (men == total()) {
            sentences.add(m.format("text.gender.allMen", "total", n(total())));
        } else if (women == men) {
            sentences.add(m.format("text.gender.equal", "n", n(women)));
        } else {
            boolean womenMost = women > men;
            sentences.add(m.format(womenMost ? "text.gender.women" : "text.gender.men",
                    "share", proportion(Math.max(women, men), total()), "most", n(Math.max(women, men)),
                    "fewest", n(Math.min(women, men))));
        }
        if (other > 0) {
            sentences.add(m.format("text.gender.other", "persons", persons(other)));
        }
        return paragraph(sentences);
    }

    private void forcedLabourAndProstitution(List<String> paragraphs) {
        Stats cross = data.exploitationByGender();
        int flWomen = cross.group("FORCED_LABOUR", "FEMALE").map(Group::count).orElse(0);
        int flMen = cross.group("FORCED_LABOUR", "MALE").map(Group::count).orElse(0);
        if (flWomen + flMen > 0) {
            List<String> fl = new ArrayList<>();
            boolean even = Math.abs(flWomen - flMen) <= Math.max(1, Math.round(0.2 * (flWomen + flMen)));
            fl.add(m.format(even ? "text.gender.forcedLabour.even" : "text.gender.forcedLabour",
                    "women", n(flWomen), "men", n(flMen)));
            for (String g : List.of("MALE", "FEMALE")) {
                List<Group> sectors = data.forcedLabourBySectorAndGender().groups().stream()
                        .filter(x -> x.key().get(1).code().equals(g) && x.count() > 0
                                && !x.key().get(0).code().equals(Codebook.UNKNOWN))
                        .sorted(java.util.Comparator.comparing(Group::count).reversed()
                                .thenComparing(x -> CodeList.LABOUR_SECTOR.codes().indexOf(x.code())))
                        .toList();
                if (!sectors.isEmpty()) {
                    List<String> items = new ArrayList<>();
                    for (Group s : sectors) {
                        items.add(m.format(items.isEmpty() ? "text.gender.sector.first" : "text.gender.sector.next",
                                "n", n(s.count()), "persons", persons(s.count()),
                                "sector", phrase("sector.to", s.key().get(0).code())));
                    }
                    fl.add(m.format("text.gender.sectors." + g, "list", m.list(items)));
                }
            }
            paragraphs.add(paragraph(fl));
        }
        int prostitution = data.byExploitation().count("PROSTITUTION");
        int prostitutionWomen = cross.group("PROSTITUTION", "FEMALE").map(Group::count).orElse(0);
        int prostitutionUnknown = cross.group("PROSTITUTION", Codebook.UNKNOWN).map(Group::count).orElse(0);
        if (prostitution > 0 && prostitutionUnknown == 0) {
            paragraphs.add(prostitutionWomen == prostitution ? m.get("text.gender.prostitution.allWomen")
                    : m.format("text.gender.prostitution", "women", n(prostitutionWomen), "total", n(prostitution)));
        }
    }

    // 7. Age
    private void age() {
        NumericSummary age = data.persons().age();
        Stats groups = data.byAgeGroup();
        List<String> sentences = new ArrayList<>();
        if (age.count() > 0) {
            sentences.add(m.format("text.age.range", "range", f.range(age.min(), age.max()), "mean",
                    f.rounded(age.mean())));
        }
        int minors = groups.count("UNDER_18");
        int unknownGroup = groups.count(Codebook.UNKNOWN);
        if (minors > 0) {
            sentences.add(m.format("text.age.minors", "persons", persons(minors), "year", year));
        } else if (unknownGroup == 0) {
            sentences.add(m.format("text.age.noMinors", "year", year));
        }
        int unknownAge = total() - age.count();
        if (age.count() == 0 && minors == 0) {
            sentences.add(m.format("text.age.none", "year", year, "persons", persons(total())));
        } else if (unknownGroup > 0) {
            sentences.add(m.format("text.unknownFor", "persons", persons(unknownGroup), "what", m.get("what.age")));
        } else if (unknownAge > 0 && age.count() > 0) {
            sentences.add(m.format("text.age.exactUnknown", "persons", persons(unknownAge)));
        }
        put("age", paragraph(sentences));
    }

    // 8. Course after the assessment
    private void status() {
        Stats byStatus = data.byStatus();
        List<Group> known = known(byStatus);
        YearNote note = data.note();
        String at = note != null && note.cutOffDate() != null
                ? m.format("text.status.at", "date", f.monthYear(note.cutOffDate())) : m.get("text.status.atCutOff");
        put("statusIntro", m.get("text.status.offer"));
        if (known.isEmpty()) {
            put("status", m.format("text.status.none", "year", year, "persons", persons(total())));
            for (String block : List.of("iom", "iomAll", "cmm", "cmmStay", "eu", "declined", "declinedStay",
                    "otherStatus")) {
                put(block, List.of());
            }
            put("iom", m.get("text.status.subsection.none"));
            return;
        }
        int unknownStatus = unknown(byStatus);
        String notCounted = m.format("text.status.notCounted", "known", n(total() - unknownStatus),
                "total", n(total()), "year", year);
        List<String> statusSentences = new ArrayList<>();
        statusSentences.add(m.format("text.status", "at", at, "total", n(total()), "year", year));
        put("status", paragraph(statusSentences));

        // prepared returns via IOM
        int iom = byStatus.count("PREPARED_RETURN_IOM");
        List<String> iomText = new ArrayList<>();
        if (iom == 0) {
            iomText.add(unknownStatus > 0 ? notCounted : m.format("text.iom.none", "year", year));
        } else {
            iomText.add(m.format("text.iom", "persons", persons(iom), "year", year));
            stay(iomText, data.iomByAccommodation().stayDays(), iom);
            accommodation(iomText, data.iomByAccommodation());
            genderOf(iomText, data.iomByGender(), iom);
        }
        put("iom", paragraph(iomText));
        int allIom = data.iomOfYearByGender().total();
        List<String> allText = new ArrayList<>();
        if (allIom > 0) {
            int earlier = data.iomOfYearByAssessmentYear().groups().stream()
                    .filter(g -> !g.code().equals(Codebook.UNKNOWN) && Integer.parseInt(g.code()) < data.year())
                    .mapToInt(Group::count).sum();
            allText.add(m.format("text.iom.all", "persons", persons(allIom), "year", year));
            if (earlier > 0) {
                allText.add(m.format("text.iom.earlier", "n", n(earlier), "year", year));
            }
            genderOf(allText, data.iomOfYearByGender(), allIom);
        }
        put("iomAll", allText.isEmpty() ? List.of() : List.of(paragraph(allText)));

        // returns assisted by the centre
        int cmm = byStatus.count("ASSISTED_RETURN_CMM");
        List<String> cmmText = new ArrayList<>();
        List<String> cmmStay = new ArrayList<>();
        if (cmm == 0) {
            cmmText.add(unknownStatus > 0 ? notCounted : m.format("text.cmm.none", "year", year));
        } else {
            cmmText.add(m.format("text.cmm", "persons", persons(cmm), "year", year));
            if (data.cmmSupportEquivalentToIom() > 0) {
                cmmText.add(m.format("text.cmm.equivalent", "persons", persons(data.cmmSupportEquivalentToIom())));
            }
            stay(cmmStay, data.cmmByAccommodation().stayDays(), cmm);
            accommodation(cmmStay, data.cmmByAccommodation());
        }
        put("cmm", paragraph(cmmText));
        put("cmmStay", cmmStay.isEmpty() ? List.of() : List.of(paragraph(cmmStay)));

        // EU citizens who stayed
        Stats eu = data.euByNationality();
        List<String> euText = new ArrayList<>();
        if (eu.total() == 0) {
            euText.add(unknownStatus > 0 ? notCounted : m.format("text.eu.none", "year", year));
        } else {
            euText.add(m.format("text.eu", "persons", persons(eu.total())));
            List<Group> countries = known(eu);
            if (!countries.isEmpty()) {
                List<String> items = new ArrayList<>();
                for (Group g : countries) {
                    items.add(m.format(items.isEmpty() ? "text.eu.country.first" : "text.eu.country.next",
                            "persons", persons(g.count()), "n", n(g.count()), "country", label(g.key().get(0))));
                }
                euText.add(m.format("text.eu.countries", "list", m.list(items)));
            }
        }
        put("eu", paragraph(euText));

        // declined or left support
        int declined = byStatus.count("DECLINED_OR_LEFT");
        put("declined", declined == 0 ? unknownStatus > 0 ? notCounted : m.format("text.declined.none", "year", year)
                : m.format("text.declined", "persons", persons(declined)));
        NumericSummary stayDays = data.declinedByNationality().stayDays();
        put("declinedStay", declined > 0 && stayDays.count() > 0
                ? List.of(m.format("text.declined.stay", "range", f.range(stayDays.min(), stayDays.max())))
                : List.of());

        // the rest
        List<Group> others = known.stream().filter(g -> !List.of("PREPARED_RETURN_IOM", "ASSISTED_RETURN_CMM",
                "STAYED_EU_CITIZEN", "DECLINED_OR_LEFT").contains(g.code())).toList();
        List<String> rest = new ArrayList<>();
        if (!others.isEmpty()) {
            int sum = others.stream().mapToInt(Group::count).sum();
            rest.add(m.format("text.status.others", "persons", persons(sum), "list",
                    list(others, g -> m.format("text.item.count", "item", phrase("status.in", g.code()),
                            "n", n(g.count())))));
        }
        unknownNote(rest, byStatus, "status");
        put("otherStatus", rest.isEmpty() ? List.of() : List.of(paragraph(rest)));
    }

    private void stay(List<String> sentences, NumericSummary stayDays, int persons) {
        if (stayDays.count() > 0) {
            sentences.add(m.format(persons == 1 ? "text.stay.one" : "text.stay", "n", n(persons),
                    "range", f.range(stayDays.min(), stayDays.max())));
        }
    }

    private void accommodation(List<String> sentences, Stats byAccommodation) {
        List<Group> known = known(byAccommodation);
        if (!known.isEmpty()) {
            List<String> items = new ArrayList<>();
            for (Group g : known) {
                items.add(m.format(g.count() == 1 ? "text.accommodation.one" : "text.accommodation", "n",
                        n(g.count()), "persons", persons(g.count()), "where", phrase("accommodation", g.code())));
            }
            sentences.add(m.capitalised(m.list(items)) + ".");
        }
    }

    private void genderOf(List<String> sentences, Stats byGender, int total) {
        int women = byGender.count("FEMALE");
        int men = byGender.count("MALE");
        if (women == total) {
            sentences.add(m.format(total == 1 ? "text.gender.of.woman" : "text.gender.of.allWomen", "n", n(total)));
        } else if (men == total) {
            sentences.add(m.format(total == 1 ? "text.gender.of.man" : "text.gender.of.allMen", "n", n(total)));
        } else if (women + men > 0) {
            sentences.add(m.format("text.gender.of", "women", n(women), "men", n(men)));
        }
    }

    // 9. Other work: the hotline
    private void hotline() {
        Stats byCaller = data.hotlineByCaller();
        if (byCaller.total() == 0) {
            put("hotline", m.format("text.hotline.none", "year", year));
            put("police", List.of());
            return;
        }
        List<String> sentences = new ArrayList<>();
        sentences.add(m.format("text.hotline", "calls", m.count(byCaller.total(), "call", f), "year", year));
        int police = byCaller.count("POLICE");
        if (police > 0) {
            sentences.add(m.format(police * 2 > byCaller.total() ? "text.hotline.police.most" : "text.hotline.police",
                    "calls", m.count(police, "call", f), "share", proportion(police, byCaller.total())));
        }
        put("hotline", paragraph(sentences));
        List<String> reasons = new ArrayList<>();
        for (FigureData.Row row : data.figure("14-2").rows()) {
            if (row.count() > 0 && !row.unknown()) {
                reasons.add(m.format("text.police.reason", "calls", m.count(row.count(), "call", f), "reason",
                        phrase("reason", row.code())));
            }
        }
        put("police", reasons);
    }
}
