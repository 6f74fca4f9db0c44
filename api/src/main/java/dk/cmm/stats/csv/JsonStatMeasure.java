package dk.cmm.stats.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dk.cmm.stats.stats.NumericSummary;
import dk.cmm.stats.stats.OutreachRow;

/**
 * The categories of a dataset's metric dimension ({@code measure}): its id, its label in Danish and English, and its
 * unit. A breakdown measures {@code count} and {@code share}; an outreach answer every metric of its CSV, as data:
 * each {@link Outreach} metric says how it is read from a row and whether it counts persons (withheld for callers
 * without a token where the row is suppressed).
 */
record JsonStatMeasure(String id, String da, String en, int decimals, String unitDa, String unitEn) {

    /** The two metrics of a person or hotline breakdown. */
    static List<JsonStatMeasure> breakdown(boolean persons) {
        return List.of(
                new JsonStatMeasure("count", persons ? "Antal personer" : "Antal opkald",
                        persons ? "Number of persons" : "Number of calls", 0, persons ? "personer" : "opkald",
                        persons ? "persons" : "calls"),
                new JsonStatMeasure("share", "Andel af i alt", "Share of the total", 4, "andel (0-1)", "share (0-1)"));
    }

    /** An outreach metric: its column in the CSV, how to read it from a row, and whether it counts persons. */
    record Outreach(JsonStatMeasure measure, Function<OutreachRow, Number> value, boolean persons,
            boolean summary) {

        static final List<Outreach> ALL = all();

        private static Outreach count(String id, String da, String en, Function<OutreachRow, Number> value,
                boolean persons) {
            return new Outreach(new JsonStatMeasure(id, da, en, 0, "antal", "number"), value, persons, false);
        }

        private static List<Outreach> summary(String id, String da, String en,
                Function<OutreachRow, NumericSummary> summary) {
            return List.of(
                    new Outreach(new JsonStatMeasure(id + "Mean", da + " (gns.)", en + " (mean)", 2, "gns.", "mean"),
                            r -> summary.apply(r) == null ? null : summary.apply(r).mean(), false, true),
                    new Outreach(new JsonStatMeasure(id + "Min", da + " (mindst)", en + " (min)", 0, "antal",
                            "number"), r -> summary.apply(r) == null ? null : summary.apply(r).min(), false, true),
                    new Outreach(new JsonStatMeasure(id + "Max", da + " (højst)", en + " (max)", 0, "antal",
                            "number"), r -> summary.apply(r) == null ? null : summary.apply(r).max(), false, true));
        }

        private static List<Outreach> all() {
            List<Outreach> all = new ArrayList<>(List.of(
                    count("activities", "Aktiviteter", "Activities", OutreachRow::activities, false),
                    count("contacts", "Kontakter", "Contacts", OutreachRow::contacts, false),
                    count("uniquePersons", "Unikke personer", "Unique persons", OutreachRow::uniquePersons, true),
                    count("newPersons", "Nye personer", "New persons", OutreachRow::newPersons, true),
                    count("observed", "Observeret", "Observed", OutreachRow::observed, false),
                    count("observedNew", "Nye observeret", "New observed", OutreachRow::observedNew, false),
                    count("nationalities", "Nationaliteter", "Nationalities", OutreachRow::nationalities, false),
                    count("healthServiceUses", "Brug af sundhedstilbud", "Health service uses",
                            OutreachRow::healthServiceUses, false),
                    count("abortionReferrals", "Henvisninger til abort", "Abortion referrals",
                            OutreachRow::abortionReferrals, false),
                    count("activeWeeks", "Aktive uger", "Active weeks", OutreachRow::activeWeeks, false)));
            all.addAll(summary("contactsPerActivity", "Kontakter pr. aktivitet", "Contacts per activity",
                    OutreachRow::contactsPerActivity));
            all.addAll(summary("healthUsesPerPerson", "Brug af sundhedstilbud pr. person",
                    "Health service uses per person", OutreachRow::healthUsesPerPerson));
            all.add(count("assessedTrafficked", "Vurderet handlet", "Assessed trafficked",
                    OutreachRow::assessedTrafficked, true));
            return List.copyOf(all);
        }
    }
}
