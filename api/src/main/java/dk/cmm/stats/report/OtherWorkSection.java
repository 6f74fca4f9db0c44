package dk.cmm.stats.report;

import java.util.List;

import dk.cmm.stats.codebook.CallerType;
import dk.cmm.stats.stats.Stats;

/**
 * Section 9, other work: the hotline's calls and the police's share of them, the police's calls by reason (before
 * figure 14.2), and what to say when the year has no outreach data (the programme blocks are metrics, built by
 * {@link PageBuilder}).
 */
final class OtherWorkSection {

    /**
     * @param byCaller       the year's hotline calls by {@code CALLER_TYPE}
     * @param policeByReason the police's calls by {@code REASON}
     * @param policeFigure   figure 14.2, the same in its order
     * @param programmes     outreach programmes with activities in the year
     */
    record Numbers(Stats byCaller, Stats policeByReason, FigureData policeFigure, int programmes) {
    }

    private OtherWorkSection() {
    }

    static ReportText.OtherWork write(Numbers numbers, Prose p) {
        List<String> outreachNone = numbers.programmes() == 0
                ? List.of(p.m.format("text.outreach.none", "year", p.year)) : List.of();
        Stats byCaller = numbers.byCaller();
        if (byCaller.total() == 0) {
            return new ReportText.OtherWork(List.of(p.m.format("text.hotline.none", "year", p.year)), List.of(),
                    outreachNone);
        }
        List<String> sentences = Prose.sentences();
        sentences.add(p.m.format("text.hotline", "calls", p.m.count(byCaller.total(), "call", p.f), "year", p.year));
        int police = Prose.count(byCaller, CallerType.POLICE);
        if (police > 0) {
            sentences.add(p.m.format(police * 2 > byCaller.total() ? "text.hotline.police.most"
                    : "text.hotline.police", "calls", p.m.count(police, "call", p.f),
                    "share", p.proportion(police, byCaller.total())));
        }
        List<String> reasons = Prose.sentences();
        for (FigureData.Row row : numbers.policeFigure().rows()) {
            if (row.count() > 0 && !row.unknown()) {
                reasons.add(p.m.format("text.police.reason", "calls", p.m.count(row.count(), "call", p.f),
                        "reason", p.phrase("reason", row.code())));
            }
        }
        return new ReportText.OtherWork(List.of(Prose.paragraph(sentences)), List.copyOf(reasons), outreachNone);
    }
}
