package dk.cmm.stats.report;

import java.util.List;
import java.util.Optional;

import dk.cmm.stats.stats.Group;
import dk.cmm.stats.stats.Stats;

/**
 * Section 3, contact channel: the largest channel first with its share in words ("Halvdelen … via politiet (33)"),
 * then the next, and the rest.
 */
final class ChannelSection {

    /** @param byChannel the year's persons by {@code CONTACT_CHANNEL} (with empty channels) */
    record Numbers(int total, Stats byChannel) {
    }

    private ChannelSection() {
    }

    static ReportText.Channel write(Numbers numbers, Prose p) {
        int total = numbers.total();
        List<Group> known = Prose.known(numbers.byChannel());
        if (known.isEmpty()) {
            return new ReportText.Channel(List.of(p.m.format("text.channel.none", "year", p.year, "persons",
                    p.persons(total))));
        }
        Optional<String> partial = p.partial(numbers.byChannel(), "channel");
        if (partial.isPresent()) {
            return new ReportText.Channel(List.of(partial.get()));
        }
        List<String> sentences = Prose.sentences();
        for (int i = 0; i < known.size(); i++) {
            Group g = known.get(i);
            String how = p.phrase("channel", g.code());
            if (i == 0) {
                sentences.add(p.m.format("text.channel.first", "share",
                        p.m.capitalised(p.proportion(g.count(), total)), "year", p.year, "n", p.n(g.count()),
                        "how", how));
            } else if (i == known.size() - 1 && i > 1) {
                sentences.add(p.m.format("text.channel.rest", "n", p.n(g.count()), "how", how));
            } else {
                sentences.add(p.m.format("text.channel.next", "share",
                        p.m.capitalised(p.proportion(g.count(), total)), "n", p.n(g.count()), "how", how));
            }
        }
        return new ReportText.Channel(List.of(Prose.paragraph(sentences)));
    }
}
