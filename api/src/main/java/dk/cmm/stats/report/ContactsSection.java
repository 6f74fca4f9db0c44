package dk.cmm.stats.report;

import java.util.List;

import dk.cmm.stats.yearnote.YearNote;

/** Section 1, contacts: the year note's estimate of the persons the centre and its partners met. */
final class ContactsSection {

    /** @param note the year note, or null when the year has none */
    record Numbers(YearNote note) {
    }

    private ContactsSection() {
    }

    static ReportText.Contacts write(Numbers numbers, Prose p) {
        YearNote note = numbers.note();
        if (note == null || note.contactsEstimateMin() == null) {
            return new ReportText.Contacts(List.of(p.m.format("text.contacts.none", "year", p.year)), null);
        }
        int min = note.contactsEstimateMin();
        int max = note.contactsEstimateMax() == null ? min : note.contactsEstimateMax();
        String footnote = note.note(p.m.lang());
        return new ReportText.Contacts(List.of(p.m.format("text.contacts", "year", p.year, "estimate",
                p.f.range(min, max))), footnote == null || footnote.isBlank() ? p.m.get("text.contacts.footnote")
                        : footnote);
    }
}
