package dk.cmm.stats.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.stats.Group;
import dk.cmm.stats.stats.GroupKey;
import dk.cmm.stats.stats.Labels;
import dk.cmm.stats.stats.Stats;

/**
 * What every section writer writes with: one language's words ({@link Messages}), its number formats, the code
 * labels and the report's year, and the turns of phrase the sections share ("17 personer", shares in words, the
 * sentence for persons whose attribute is not recorded). The words are in the message bundle ({@code text.*}).
 */
final class Prose {

    final Messages m;
    final Formats f;
    private final Labels labels;
    /** The report's year as printed. */
    final String year;

    Prose(int year, Messages messages, Labels labels) {
        this.m = messages;
        this.f = new Formats(messages.lang());
        this.labels = labels;
        this.year = Integer.toString(year);
    }

    String n(int count) {
        return f.integer(count);
    }

    /** "1 person" / "17 personer". */
    String persons(int count) {
        return m.count(count, "person", f);
    }

    String label(GroupKey key) {
        return labels.label(key, m.lang());
    }

    /** Dimensions whose labels are names (regions, countries, programmes): they keep their capital in a sentence. */
    private static final Set<String> NAMES = Set.of("REGION", "NATIONALITY", "PROGRAMME", "CONTACT_PROGRAMME",
            "CITY");

    /**
     * A label as it reads inside a sentence: a name as the language writes it there ({@code inText.<dimension>.<code>},
     * "the Middle East"; an empty text means the label itself), any other label with a small first letter
     * ("…: forced labour (3)", "women (6)"), since the sentence, not the codebook, decides where capitals go.
     */
    String inText(GroupKey key) {
        String special = "inText." + key.dimension() + "." + key.code();
        if (m.has(special) && !m.get(special).isBlank()) {
            return m.get(special);
        }
        String label = label(key);
        if (NAMES.contains(key.dimension()) || label.length() < 2 || Character.isUpperCase(label.charAt(1))) {
            return label;
        }
        return label.substring(0, 1).toLowerCase(m.locale()) + label.substring(1);
    }

    /** A code's phrase of a kind, e.g. {@code channel.POLICE}: "via politiet". */
    String phrase(String kind, String code) {
        return m.get(kind + "." + code);
    }

    String proportion(int part, int whole) {
        return m.proportion(Proportion.of(part, whole));
    }

    String list(List<Group> groups, Function<Group, String> item) {
        return m.list(groups.stream().map(item).toList());
    }

    /** "kvinder (6)": a group by its label, as it reads in a sentence, and its count. */
    String labelledCount(Group g) {
        return m.format("text.item.count", "item", inText(g.key().get(0)), "n", n(g.count()));
    }

    /** One paragraph from sentences. */
    static String paragraph(List<String> sentences) {
        return String.join(" ", sentences);
    }

    /** The count of a code given by its enum constant, so no code is spelled as a string. */
    static int count(Stats stats, Enum<?> code) {
        return stats.count(code.name());
    }

    /** The count of a two-dimensional cell, 0 where there is none. */
    static int count(Stats stats, Enum<?> first, Enum<?> second) {
        return stats.group(first.name(), second.name()).map(Group::count).orElse(0);
    }

    /** Groups with persons and a known code, in the service's order (by count, then code). */
    static List<Group> known(Stats stats) {
        return stats.groups().stream().filter(g -> g.count() > 0 && !isUnknown(g)).toList();
    }

    static boolean isUnknown(Group g) {
        return g.key().stream().anyMatch(k -> Codebook.UNKNOWN.equals(k.code()));
    }

    /** Persons (or records) whose attribute is not recorded. */
    static int unknown(Stats stats) {
        return stats.groups().stream().filter(Prose::isUnknown).mapToInt(Group::count).sum();
    }

    /** "For 3 personer er {what} ikke oplyst." when some are unknown. */
    Optional<String> unknownFor(Stats stats, String what) {
        int unknown = unknown(stats);
        return unknown > 0 ? Optional.of(m.format("text.unknownFor", "persons", persons(unknown), "what",
                m.get("what." + what))) : Optional.empty();
    }

    /**
     * When only some persons have the attribute, shares of the whole would mislead: the paragraph then gives the
     * known counts only, "Køn er kun oplyst for 6 af de 60 personer: Kvinder (6)." Empty when everyone's attribute is
     * known, or no one's.
     */
    Optional<String> partial(Stats stats, String what) {
        List<Group> known = known(stats);
        if (unknown(stats) == 0 || known.isEmpty()) {
            return Optional.empty();
        }
        int knownCount = known.stream().mapToInt(Group::count).sum();
        return Optional.of(m.format("text.partial", "what", m.capitalised(m.get("what." + what)), "known",
                n(knownCount), "total", n(stats.total()), "list", list(known, this::labelledCount)));
    }

    /** How many leading rows to name as "the countries most come from": up to 3, never splitting a tie. */
    static int topCount(List<Group> sortedByCount) {
        int k = Math.min(3, sortedByCount.size());
        while (k > 0 && k < sortedByCount.size() && sortedByCount.get(k - 1).count() == sortedByCount.get(k).count()) {
            k--;
        }
        return k;
    }

    /** A mutable list of sentences, for a writer that builds a paragraph. */
    static List<String> sentences() {
        return new ArrayList<>();
    }
}
