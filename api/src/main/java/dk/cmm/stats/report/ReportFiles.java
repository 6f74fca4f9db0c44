package dk.cmm.stats.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import dk.cmm.stats.codebook.AgeGroup;
import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.stats.Labels;
import dk.cmm.stats.stats.NumericSummary;
import dk.cmm.stats.stats.OutreachRow;
import dk.cmm.stats.stats.Stats;
import dk.cmm.stats.yearnote.YearNote;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data files of a year's site, beside the pages: a CSV per figure (exactly what the figure shows, with codes
 * and Danish and English labels; an empty count is "not available"), the outreach programmes' metrics as CSV, and
 * {@code persons-summary.json} with the report's key numbers (null where not available).
 */
final class ReportFiles {

    static final String OUTREACH_CSV = "outreach-programmes.csv";
    static final String SUMMARY = "persons-summary.json";
    static final String TABLES = "report-tables.json";

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private ReportFiles() {
    }

    /**
     * Columns: per dimension its code and its Danish and English label ({@code nationality}, {@code nationality_da},
     * {@code nationality_en}), then {@code count}; an empty count is "not available".
     */
    static byte[] figureCsv(FigureData fig, Labels labels) {
        List<String> header = new ArrayList<>();
        for (String dimension : fig.dimensions()) {
            String name = column(dimension);
            header.addAll(List.of(name, name + "_da", name + "_en"));
        }
        header.add("count");
        List<List<String>> records = new ArrayList<>();
        for (FigureData.Row row : fig.rows()) {
            List<String> record = new ArrayList<>();
            row.key().forEach(k -> record.addAll(List.of(k.code(), labels.label(k, Lang.DA),
                    labels.label(k, Lang.EN))));
            record.add(row.count() == null ? "" : row.count().toString());
            records.add(record);
        }
        return csv(header, records);
    }

    static byte[] outreachCsv(YearReport data) {
        List<String> header = List.of("programme", "programme_da", "programme_en", "kind", "city", "activities",
                "contacts", "unique_persons", "new_persons", "observed", "observed_new", "nationalities",
                "health_service_uses", "abortion_referrals", "active_weeks", "contacts_per_activity_min",
                "contacts_per_activity_max", "contacts_per_activity_mean", "assessed_trafficked");
        List<List<String>> records = new ArrayList<>();
        for (YearReport.Programmed p : data.outreach()) {
            OutreachRow r = p.metrics();
            records.add(List.of(p.programme().code(), p.programme().nameDa(), p.programme().nameEn(),
                    p.programme().kind() == null ? "" : p.programme().kind().name(),
                    p.programme().city() == null ? "" : p.programme().city(), s(r.activities()), s(r.contacts()),
                    r.uniquePersons() == null ? "" : s(r.uniquePersons()), s(r.newPersons()), s(r.observed()),
                    s(r.observedNew()), s(r.nationalities()), s(r.healthServiceUses()), s(r.abortionReferrals()),
                    s(r.activeWeeks()), number(r.contactsPerActivity().min()),
                    number(r.contactsPerActivity().max()), number(r.contactsPerActivity().mean()),
                    s(r.assessedTrafficked())));
        }
        return csv(header, records);
    }

    private static String s(int n) {
        return Integer.toString(n);
    }

    /** A number as CSV text: whole numbers without decimals, others with two. */
    private static String number(Double x) {
        if (x == null) {
            return "";
        }
        return x == Math.rint(x) ? Long.toString(x.longValue()) : String.format(Locale.ROOT, "%.2f", x);
    }

    private static String column(String dimension) {
        StringBuilder name = new StringBuilder();
        for (String part : dimension.toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.isEmpty() ? part : part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1));
        }
        return name.toString();
    }

    private static byte[] csv(List<String> header, List<List<String>> records) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
            printer.printRecord(header);
            for (List<String> record : records) {
                printer.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The report's key numbers; every breakdown as code → count, with {@code UNKNOWN} where not recorded. */
    static byte[] summaryJson(YearReport data) {
        Map<String, Object> json = new LinkedHashMap<>();
        YearNote note = data.note();
        json.put("year", data.year());
        json.put("cutOffDate", note == null || note.cutOffDate() == null ? null : note.cutOffDate().toString());
        json.put("reconstructed", note != null && note.reconstructed());
        json.put("contactsEstimate", note == null || note.contactsEstimateMin() == null ? null
                : range(note.contactsEstimateMin(), note.contactsEstimateMax()));
        json.put("assessedTrafficked", data.total());
        json.put("assessedBy", counts(data.victims().byAuthority()));
        json.put("contactChannel", counts(data.channel().byChannel()));
        Stats byNationality = data.nationality().byNationality();
        json.put("nationalities", byNationality.count(Codebook.UNKNOWN) > 0 ? null
                : byNationality.groups().stream().filter(g -> g.count() > 0).count());
        json.put("region", counts(data.nationality().byRegion()));
        json.put("nationality", counts(byNationality));
        json.put("exploitation", counts(data.exploitation().byExploitation()));
        Map<String, Integer> sectors = new LinkedHashMap<>();
        data.figure("07").rows().forEach(r -> sectors.put(r.code(), r.count()));
        json.put("forcedLabourBySector", sectors);
        json.put("gender", counts(data.gender().byGender()));
        json.put("age", age(data));
        json.put("status", counts(data.course().byStatus()));
        Map<String, Object> iom = new LinkedHashMap<>();
        iom.put("total", data.course().iomOfYearByGender().total());
        iom.put("assessedEarlier", data.course().iomAssessedEarlier());
        json.put("preparedReturnsIomInYear", iom);
        json.put("assistedReturnsSupportEquivalentToIom", data.course().cmmEquivalentToIom());
        Map<String, Object> hotline = new LinkedHashMap<>();
        Stats byCaller = data.otherWork().byCaller();
        hotline.put("calls", byCaller.total() == 0 ? null : byCaller.total());
        hotline.put("byCaller", counts(byCaller));
        hotline.put("policeByReason", counts(data.otherWork().policeByReason()));
        json.put("hotline", hotline);
        List<Map<String, Object>> outreach = new ArrayList<>();
        for (YearReport.Programmed p : data.outreach()) {
            OutreachRow r = p.metrics();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("programme", p.programme().code());
            row.put("activities", r.activities());
            row.put("contacts", r.contacts());
            row.put("uniquePersons", r.uniquePersons());
            row.put("newPersons", r.newPersons());
            row.put("observed", r.observed());
            row.put("observedNew", r.observedNew());
            row.put("nationalities", r.nationalities());
            row.put("healthServiceUses", r.healthServiceUses());
            row.put("abortionReferrals", r.abortionReferrals());
            row.put("assessedTrafficked", r.assessedTrafficked());
            outreach.add(row);
        }
        json.put("outreach", outreach);
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        return (mapper.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Every table the report publishes, figures and words alike, as the API would ask for it: subject, filter
     * (dimension → codes; without {@code ASSESSMENT_YEAR} a table counts persons of every assessment year), groupBy,
     * total and the groups with someone in them (a group not listed is 0).
     */
    static byte[] tablesJson(YearReport data) {
        List<Map<String, Object>> tables = new ArrayList<>();
        for (ReportTable table : data.tables()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("subject", table.subject());
            json.put("filter", table.filter());
            json.put("groupBy", table.groupBy());
            json.put("total", table.answer().total());
            List<Map<String, Object>> groups = new ArrayList<>();
            for (dk.cmm.stats.stats.Group group : table.answer().groups()) {
                if (group.count() > 0) {
                    Map<String, Object> g = new LinkedHashMap<>();
                    g.put("key", group.key().stream().map(dk.cmm.stats.stats.GroupKey::code).toList());
                    g.put("count", group.count());
                    groups.add(g);
                }
            }
            json.put("groups", groups);
            tables.add(json);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("year", data.year());
        json.put("about", "Every table this report publishes, in the terms of the API's personStats and hotlineStats:"
                + " a filter (dimension to codes; a table without ASSESSMENT_YEAR counts persons of every assessment"
                + " year), the dimensions it is broken down by, its total and every group with someone in it (a group"
                + " not listed is 0).");
        json.put("tables", tables);
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        return (mapper.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> age(YearReport data) {
        NumericSummary age = data.age();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("known", age.count());
        json.put("min", whole(age.min()));
        json.put("max", whole(age.max()));
        json.put("mean", age.mean() == null ? null : Math.round(age.mean() * 10) / 10.0);
        Stats byAgeGroup = data.ages().byAgeGroup();
        int minors = Prose.count(byAgeGroup, AgeGroup.UNDER_18);
        json.put("minors", byAgeGroup.count(Codebook.UNKNOWN) == 0 || minors > 0 ? minors : null);
        return json;
    }

    private static Integer whole(Double x) {
        return x == null ? null : (int) Math.round(x);
    }

    private static Map<String, Integer> range(Integer min, Integer max) {
        Map<String, Integer> range = new LinkedHashMap<>();
        range.put("min", min);
        range.put("max", max == null ? min : max);
        return range;
    }

    /** Code → count in the service's order (by count, then code), zero rows left out. */
    private static Map<String, Integer> counts(Stats stats) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        stats.groups().stream().filter(g -> g.count() > 0).forEach(g -> counts.put(g.code(), g.count()));
        return counts;
    }
}
