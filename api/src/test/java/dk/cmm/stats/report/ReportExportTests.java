package dk.cmm.stats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dk.cmm.stats.codebook.Lang;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 2012 report exported from the bundled data carries every number of the source report, in its section, in
 * Danish and English; every figure has its chart, table and CSV; the site is self-contained and deterministic.
 */
@SpringBootTest(properties = "cmm.data-dir=target/test-data/${random.uuid}")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportExportTests {

    static final List<String> FIGURES = List.of("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11",
            "12", "13", "14", "14-2");

    @Autowired
    ReportExporter exporter;

    Path out;

    ExportedSite site;
    Document da;
    Document en;

    @BeforeAll
    void export2012(@TempDir Path folder) {
        out = folder;
        exporter.export(out, 2012, Set.of(Lang.DA, Lang.EN));
        site = new ExportedSite(out, 2012);
        da = site.danish();
        en = site.english();
    }

    @Test
    void shouldWriteThePagesTheDataAndTheStylesheets() {
        List<String> expected = new java.util.ArrayList<>(List.of("index.html", "en/index.html",
                "data/persons-summary.json", "data/outreach-programmes.csv", "assets/report.css", "assets/print.css"));
        FIGURES.forEach(id -> expected.add("data/figure-" + id + ".csv"));
        for (String file : expected) {
            assertThat(site.folder().resolve(file)).as(file).isRegularFile();
        }
        assertThat(out.resolve("index.html")).isRegularFile();
        assertThat(out.resolve("assets/report.css")).isRegularFile();
    }

    @Test
    void shouldStateTheContactsAndTheNumberOfVictimsInDanish() {
        assertThat(ExportedSite.text(da, "contacts")).contains("omkring 800–1000 personer")
                .contains("gengangere så vidt muligt er sorteret fra");
        assertThat(ExportedSite.text(da, "victims"))
                .contains("Af de samlede kontakter i 2012 blev 66 personer officielt vurderet handlet.")
                .contains("Udlændingestyrelsen vurderet 45 personer")
                .contains("Center mod Menneskehandel har vurderet 21 personer");
        assertThat(ExportedSite.text(da, "channel"))
                .contains("Halvdelen af de personer, der i 2012 er vurderet handlet, er mødt via politiet (33).")
                .contains("Mere end en tredjedel er mødt i forbindelse med den opsøgende indsats")
                .contains("De resterende 9 er mødt via forskellige samarbejdsparter");
        assertThat(ExportedSite.text(da, "nationality"))
                .contains("De 66 ofre for menneskehandel kommer fra 22 forskellige lande.")
                .contains("Knap halvdelen (31) er fra Afrika, en fjerdedel (16) er fra Europa "
                        + "og en femtedel (13) er fra Asien.")
                .contains("Latinamerika (4) og Mellemøsten (2)")
                .contains("Nigeria, Rumænien og Thailand er de enkelte lande")
                .contains("62 % af det samlede antal");
    }

    @Test
    void shouldStateExploitationGenderAndAgeInDanish() {
        assertThat(ExportedSite.text(da, "exploitation"))
                .contains("45 af de vurderede ofre for menneskehandel er handlet til prostitution.")
                .contains("17 personer er handlet til tvangsarbejde.")
                .contains("kriminalitet (3) og ægteskab (1)")
                .contains("i rengøringsbranchen (7 sager) og ved husarbejde i privat regi (4 sager)")
                .contains("i restaurationsbranchen (2 sager)").contains("i byggebranchen (1 sag)")
                .contains("ved forefaldende arbejde på massageklinikker (2 sager)")
                .contains("ved produktion af skunk (1 sag)");
        assertThat(ExportedSite.text(da, "gender"))
                .contains("med 56 mod 10 mænd")
                .contains("ligelig fordeling kønnene imellem: 9 kvinder og 8 mænd")
                .contains("For mændenes vedkommende er der tale om 4 personer handlet til rengøring, "
                        + "2 til restaurationsbranchen, 1 til byggebranchen og 1 til produktion af skunk.")
                .contains("For kvindernes vedkommende er der tale om 4 personer handlet til husarbejde, "
                        + "3 til rengøring og 2 til forefaldende arbejde på massageklinikker.")
                .contains("Alle der blev vurderet handlet til prostitution er kvinder.");
        assertThat(ExportedSite.text(da, "age")).contains("i alderen 18–61 år")
                .contains("gennemsnitsalder på 30 år").contains("ingen mindreårige er vurderet handlet i 2012");
    }

    @Test
    void shouldStateTheCourseAfterTheAssessmentInDanish() {
        String status = ExportedSite.text(da, "status");
        assertThat(status).contains("Status ved opgørelsen januar 2013 på de 66 personer")
                .contains("7 personer af dem, der blev vurderet handlet i 2012, "
                        + "modtog en forberedt hjemsendelse v. IOM.")
                .contains("mellem 29–147 dage").contains("én person var privat indkvarteret")
                .contains("6 personer havde ophold på krisecenter").contains("Alle 7 er kvinder.")
                .contains("Samlet tog 13 personer imod en forberedt hjemsendelse v. IOM i 2012.")
                .contains("6 var vurderet handlet før 2012").contains("Alle 13 er kvinder.")
                .contains("Center mod Menneskehandel har bistået 10 personer vurderet handlet i 2012 ved hjemrejser.")
                .contains("5 personer har modtaget støtte svarende til en forberedt hjemsendelse")
                .contains("mellem 0–24 dage").contains("5 personer var indkvarteret på hotel")
                .contains("5 personer havde ophold på krisecenter")
                .contains("3 personer med EU-statsborgerskab")
                .contains("2 personer fra Rumænien og 1 fra Slovakiet")
                .contains("26 personer har afslået/er trådt ud af tilbud")
                .contains("havde ophold mellem 0–186 dage")
                .contains("De resterende 20 personer");
    }

    @Test
    void shouldStateTheHotlineAndEveryOutreachProgrammeInDanish() {
        assertThat(ExportedSite.text(da, "hotline")).contains("CMM modtog 182 opkald på hotline i 2012.")
                .contains("Med 111 opkald var størstedelen fra politiet.")
                .contains("55 opkald var angående personer i politiets varetægt")
                .contains("22 opkald var angående kommende aktioner")
                .contains("34 opkald var angående opfølgning på sager");
        assertProgramme(da, "street-copenhagen", "activities", "40", "observed", "674", "observedNew", "135",
                "assessed", "0");
        assertProgramme(da, "street-odense", "activities", "62", "contacts", "193", "uniquePersons", "21",
                "nationalities", "6", "newPersons", "9", "assessed", "4");
        assertProgramme(da, "clinic-outreach", "activities", "370", "contacts", "384", "assessed", "5");
        assertProgramme(da, "meeting-place-vesterbro", "contacts", "2907", "newPersons", "200",
                "uniquePersons", "350", "perDay", "3–36", "perDayMean", "20", "assessed", "4", "health", "500",
                "healthPerPerson", "1–11", "abortions", "50");
        assertProgramme(da, "drop-in-fredericia", "contacts", "552", "perWeek", "11", "nationalities", "23",
                "health", "167", "healthPerDay", "3,2");
        assertProgramme(da, "mobile-health", "contacts", "188", "health", "169", "assessed", "2");
        assertThat(da.select("#programme-street-copenhagen tr.metric-health")).as("no health service on the street")
                .isEmpty();
    }

    @Test
    void shouldStateTheNumbersInEnglish() {
        assertThat(ExportedSite.text(en, "victims"))
                .contains("66 persons were officially assessed as trafficked in 2012.")
                .contains("the Danish Immigration Service assessed 45 persons")
                .contains("the Danish Centre against Human Trafficking assessed 21 persons");
        assertThat(ExportedSite.text(en, "channel")).contains("Half of the persons assessed as trafficked in 2012 "
                + "were met through the police (33).").contains("More than a third were met through outreach work");
        assertThat(ExportedSite.text(en, "nationality")).contains("22 different countries")
                .contains("Just under half (31) are from Africa, a quarter (16) are from Europe "
                        + "and a fifth (13) are from Asia.")
                .contains("Nigeria, Romania and Thailand").contains("62% of the total");
        assertThat(ExportedSite.text(en, "exploitation")).contains("45 of the persons")
                .contains("17 persons were trafficked for forced labour").contains("in cleaning (7 cases)")
                .contains("in construction (1 case)");
        assertThat(ExportedSite.text(en, "gender")).contains("with 56 women against 10 men")
                .contains("9 women and 8 men");
        assertThat(ExportedSite.text(en, "age")).contains("aged 18–61 years").contains("mean age of 30 years")
                .contains("No minors were assessed as trafficked in 2012.");
        assertThat(ExportedSite.text(en, "status")).contains("7 persons of those assessed as trafficked in 2012")
                .contains("29–147 days").contains("In all, 13 persons accepted a prepared return via IOM in 2012.")
                .contains("6 of them had been assessed as trafficked before 2012").contains("assisted 10 persons")
                .contains("0–24 days").contains("3 persons with EU citizenship").contains("26 persons declined")
                .contains("0–186 days").contains("The remaining 20 persons");
        assertThat(ExportedSite.text(en, "hotline")).contains("182 calls").contains("With 111 calls, most came from "
                + "the police.").contains("55 calls were about persons in police custody")
                .contains("22 calls were about upcoming operations").contains("34 calls were about case follow-up");
        assertProgramme(en, "drop-in-fredericia", "contacts", "552", "healthPerDay", "3.2");
        assertProgramme(en, "meeting-place-vesterbro", "contacts", "2,907", "abortions", "50");
    }

    @Test
    void shouldDrawEveryFigureWithTitleChartTableAndCsvInBothLanguages() {
        for (Document page : List.of(da, en)) {
            for (String id : FIGURES) {
                Element figure = page.getElementById("fig-" + id);
                assertThat(figure).as(id).isNotNull();
                assertThat(figure.selectFirst("figcaption").text()).as(id).contains("2012");
                Element svg = figure.selectFirst("svg[role=img]");
                assertThat(svg).as("svg of " + id).isNotNull();
                String[] labelledBy = svg.attr("aria-labelledby").split(" ");
                assertThat(labelledBy).hasSize(2);
                Element title = svg.getElementById(labelledBy[0]);
                Element desc = svg.getElementById(labelledBy[1]);
                assertThat(title.tagName()).isEqualTo("title");
                assertThat(desc.tagName()).isEqualTo("desc");
                assertThat(desc.text()).as(id).isNotBlank().isNotEqualTo(title.text()).containsPattern("\\d");
                assertThat(figure.select("table tbody tr")).as(id).isNotEmpty();
                Element csv = figure.selectFirst("a.figure__csv");
                assertThat(Path.of(java.net.URI.create(csv.absUrl("href")))).as(id).isRegularFile();
                assertThat(svg.select("text.chart__value")).as("values printed on the bars of " + id).isNotEmpty();
            }
        }
    }

    @Test
    void shouldPutTheFiguresNumbersInTheirTablesWithNotAvailableForMissingYears() {
        assertThat(row(da, "01", "2007")).containsExactly("17");
        assertThat(row(da, "01", "2009")).containsExactly("ikke oplyst");
        assertThat(row(en, "01", "2010")).containsExactly("not available");
        assertThat(row(da, "01", "2011")).containsExactly("60");
        assertThat(row(da, "01", "2012")).containsExactly("66");
        assertThat(da.select("#fig-02 tbody tr").eachText()).as("figure 2 starts at the first year with the split")
                .hasSize(1);
        assertThat(da.select("#fig-02").text()).contains("registreret fra 2012");
        assertThat(en.select("#fig-02 figcaption").text()).endsWith("by assessing authority, 2012");
        assertThat(row(da, "02", "2012")).containsExactly("45", "21");
        assertThat(row(da, "05", "Nigeria")).containsExactly("22");
        assertThat(row(en, "05", "Romania")).containsExactly("10");
        assertThat(row(da, "07", "Rengøring")).containsExactly("7");
        assertThat(row(da, "08", "Tvangsarbejde")).containsExactly("9", "8");
        assertThat(row(da, "08", "Prostitution")).containsExactly("45", "0");
        assertThat(row(da, "09", "Under 18 år")).containsExactly("0");
        assertThat(row(da, "10", "Forberedt hjemsendelse v. IOM")).containsExactly("7");
        assertThat(da.select("#fig-11 tfoot td").text()).isEqualTo("13");
        assertThat(da.select("#fig-12 tfoot td").text()).isEqualTo("10");
        assertThat(da.select("#fig-13 tfoot td").text()).isEqualTo("26");
        assertThat(row(da, "14", "Politiet")).containsExactly("111");
        assertThat(row(da, "14-2", "Kommende aktioner")).containsExactly("22");
        assertThat(da.select("#fig-05 svg desc").text().replace('\u00a0', ' '))
                .startsWith("Nigeria, Rumænien og Thailand står for 62 % af ofrene");
        assertThat(en.select("#fig-05 svg desc").text())
                .startsWith("Nigeria, Romania and Thailand account for 62% of the victims");
        assertThat(en.select("#fig-04 svg desc").text())
                .isEqualTo("Africa is the largest group with 31 of 66 (47%), followed by Europe with 16.");
        assertThat(en.select("#fig-08 svg desc").text()).startsWith("Prostitution: women 45, men 0; forced labour: "
                + "women 9, men 8;");
        assertThat(da.select("#fig-02 svg desc").text()).startsWith("I 2012: Udlændingestyrelsen (45) og Center mod "
                + "Menneskehandel (21).");
    }

    @Test
    void shouldLinkOnlyToFilesOfTheSiteAndTheOtherEdition() throws IOException {
        for (Path page : List.of(site.folder().resolve("index.html"), site.folder().resolve("en/index.html"),
                out.resolve("index.html"))) {
            Document doc = ExportedSite.parse(page);
            assertThat(doc.select("script")).isEmpty();
            for (Element e : doc.select("[href], [src]")) {
                String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                assertThat(url).as(page + ": " + e).doesNotContainPattern("^[a-zA-Z][a-zA-Z0-9+.-]*:")
                        .doesNotStartWith("//");
                if (!url.startsWith("#")) {
                    assertThat(Path.of(java.net.URI.create(e.absUrl(e.hasAttr("href") ? "href" : "src"))))
                            .as(page + ": " + url).exists();
                } else if (url.length() > 1) {
                    assertThat(doc.getElementById(url.substring(1))).as(page + ": " + url).isNotNull();
                }
            }
        }
    }

    @Test
    void shouldMarkTheLanguagesAndLinkTheTwoEditions() {
        assertThat(da.selectFirst("html").attr("lang")).isEqualTo("da");
        assertThat(en.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(da.select("a[hreflang=en][lang=en]").attr("href")).isEqualTo("en/index.html");
        assertThat(en.select("a[hreflang=da][lang=da]").attr("href")).isEqualTo("../index.html");
        assertThat(ExportedSite.parse(out.resolve("index.html")).select("a[href='2012/index.html']")).hasSize(1);
        assertThat(ExportedSite.parse(out.resolve("index.html")).select("a[href='2012/en/index.html']")).hasSize(1);
    }

    @Test
    void shouldExplainTheMethodIncludingTheReconstruction() {
        assertThat(ExportedSite.text(da, "method")).contains("Udlændingestyrelsen").contains("gengangere")
                .contains("rekonstruktion").contains("illustrative").contains("For 2009 og 2010");
        assertThat(ExportedSite.text(en, "method")).contains("Danish Immigration Service")
                .contains("repeat contacts have been removed as far as possible")
                .contains("reconstruction").contains("illustrative").contains("For 2009 and 2010");
    }

    @Test
    void shouldWriteTheKeyNumbersAsJson() {
        JsonNode json = JsonMapper.builder().build().readTree(site.file("data/persons-summary.json"));
        assertThat(json.get("year").asInt()).isEqualTo(2012);
        assertThat(json.get("assessedTrafficked").asInt()).isEqualTo(66);
        assertThat(json.at("/assessedBy/IMMIGRATION_SERVICE").asInt()).isEqualTo(45);
        assertThat(json.at("/assessedBy/CMM").asInt()).isEqualTo(21);
        assertThat(json.get("nationalities").asInt()).isEqualTo(22);
        assertThat(json.at("/age/min").asInt()).isEqualTo(18);
        assertThat(json.at("/age/max").asInt()).isEqualTo(61);
        assertThat(json.at("/age/minors").asInt()).isZero();
        assertThat(json.at("/preparedReturnsIomInYear/total").asInt()).isEqualTo(13);
        assertThat(json.at("/preparedReturnsIomInYear/assessedEarlier").asInt()).isEqualTo(6);
        assertThat(json.at("/hotline/calls").asInt()).isEqualTo(182);
        assertThat(json.at("/hotline/policeByReason/PERSON_IN_CUSTODY").asInt()).isEqualTo(55);
        assertThat(json.at("/contactsEstimate/min").asInt()).isEqualTo(800);
        assertThat(json.get("reconstructed").asBoolean()).isTrue();
    }

    @Test
    void shouldWriteByteIdenticalFilesWhenExportingTheSameDataAgain(@TempDir Path again) throws IOException {
        exporter.export(again, 2012, Set.of(Lang.DA, Lang.EN));
        List<Path> files = files(out);
        assertThat(files(again)).isEqualTo(files);
        for (Path file : files) {
            assertThat(Files.readAllBytes(again.resolve(file))).as(file.toString())
                    .isEqualTo(Files.readAllBytes(out.resolve(file)));
        }
    }

    /** Several years are asked together (one batch, hotline and outreach grouped by year): each is as if alone. */
    @Test
    void shouldWriteEachYearAsItsOwnExportDoesWhenExportingSeveralYearsAtOnce(@TempDir Path together,
            @TempDir Path alone) throws IOException {
        exporter.export(together, List.of(2011, 2012, 2016), Set.of(Lang.DA, Lang.EN));
        for (int year : List.of(2011, 2016)) {
            exporter.export(alone, year, Set.of(Lang.DA, Lang.EN));
        }
        for (int year : List.of(2011, 2012, 2016)) {
            Path single = (year == 2012 ? out : alone).resolve(Integer.toString(year));
            Path joint = together.resolve(Integer.toString(year));
            List<Path> files = files(single);
            assertThat(files(joint)).as(Integer.toString(year)).isEqualTo(files);
            for (Path file : files) {
                assertThat(Files.readAllBytes(joint.resolve(file))).as(year + "/" + file)
                        .isEqualTo(Files.readAllBytes(single.resolve(file)));
            }
        }
    }

    /** Issue 25.12: a year whose records hold little beyond its published total is a short, honest page. */
    @Test
    void shouldExportAYearWithLittleBeyondItsTotalAsAShortPage(@TempDir Path sparse) {
        exporter.export(sparse, 2011, Set.of(Lang.DA, Lang.EN));
        ExportedSite y2011 = new ExportedSite(sparse, 2011);
        Document page = y2011.danish();
        assertThat(ExportedSite.text(page, "victims")).contains("60 personer officielt vurderet handlet")
                .contains("For 2011 er det samlede antal på 60 personer registreret, men næsten intet om dem")
                .contains("højst 6 af dem");
        assertThat(row(page, "01", "2011")).containsExactly("60");
        assertThat(row(page, "01", "2006")).containsExactly("ikke oplyst");
        for (String empty : List.of("contacts", "channel", "nationality", "exploitation", "gender", "age", "status",
                "other")) {
            assertThat(page.getElementById(empty)).as("no section of empty boxes: #" + empty).isNull();
        }
        assertThat(page.select(".keyfigures li").eachText()).as("a key figure not available is left out")
                .containsExactly("60 officielt vurderet handlet");
        assertThat(page.select(".intro__meta").text()).contains("Der er ikke registreret en opgørelsesdato for 2011");
        assertThat(page.getElementById("method")).isNotNull();
        Document english = y2011.english();
        assertThat(ExportedSite.text(english, "victims")).contains("For 2011, the total of 60 persons is recorded")
                .doesNotContain("not available of the victims");
        assertThat(english.select(".keyfigures li").eachText()).containsExactly("60 officially assessed as trafficked");
        assertThat(english.text()).doesNotContain("not available nationalities", "not available hotline calls");
        assertThat(y2011.file("data/figure-03.csv")).contains("UNKNOWN,Ikke oplyst,Not available,60");
        JsonNode json = JsonMapper.builder().build().readTree(y2011.file("data/persons-summary.json"));
        assertThat(json.get("nationalities").isNull()).as("a lower bound is no count").isTrue();
        assertThat(json.at("/nationality/UNKNOWN").asInt()).isEqualTo(54);
        assertThat(json.get("contactsEstimate").isNull()).isTrue();
        assertThat(ExportedSite.parse(sparse.resolve("index.html")).select("a[href='2011/index.html']")).hasSize(1);
    }

    /** Issue 25.11: the English wording of 2012 as a reader of English expects it. */
    @Test
    void shouldWordTheEnglishReportAsEnglishIsWritten() {
        assertThat(ExportedSite.text(en, "nationality")).contains("Latin America (4) and the Middle East (2)")
                .doesNotContain("and Middle East");
        assertThat(ExportedSite.text(en, "gender")).contains("more than four fifths")
                .doesNotContain("three quarters");
        assertThat(ExportedSite.text(da, "gender")).contains("mere end fire femtedele");
        assertThat(en.select("#programme-street-copenhagen").text()).contains("Copenhagen")
                .doesNotContain("København");
        assertThat(en.text()).contains("2,907").doesNotContain(" 2907 ");
        List<String> ones = en.select("#fig-05 tbody tr").stream()
                .filter(tr -> tr.select("td").text().equals("1")).map(tr -> tr.selectFirst("th").text()).toList();
        assertThat(ones).as("the countries with one person, by their English names").isSortedAccordingTo(
                java.text.Collator.getInstance(java.util.Locale.ENGLISH)).hasSizeGreaterThan(3);
    }

    @Test
    void shouldRefuseAYearWithoutPersonsAndWriteNothing(@TempDir Path empty) throws IOException {
        assertThatThrownBy(() -> exporter.export(empty, 2013, Set.of(Lang.DA, Lang.EN)))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("No persons were assessed as trafficked in 2013")
                .hasMessageContaining("2012");
        try (Stream<Path> files = Files.list(empty)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void shouldExportOneLanguageWithoutLinkingToTheMissingEdition(@TempDir Path english) {
        exporter.export(english, 2012, Set.of(Lang.EN));
        assertThat(english.resolve("2012/en/index.html")).isRegularFile();
        assertThat(english.resolve("2012/index.html")).doesNotExist();
        assertThat(ExportedSite.parse(english.resolve("2012/en/index.html")).select("a[hreflang=da]")).isEmpty();
    }

    private static List<String> row(Document page, String figure, String label) {
        for (Element tr : page.select("#fig-" + figure + " table tbody tr")) {
            if (tr.selectFirst("th").text().equals(label)) {
                return tr.select("td").eachText();
            }
        }
        throw new AssertionError("figure " + figure + " has no row " + label);
    }

    private static void assertProgramme(Document page, String programme, String... metricsAndValues) {
        for (int i = 0; i < metricsAndValues.length; i += 2) {
            Element cell = page.selectFirst("#programme-" + programme + " tr.metric-" + metricsAndValues[i] + " td");
            assertThat(cell).as(programme + " " + metricsAndValues[i]).isNotNull();
            assertThat(cell.text()).as(programme + " " + metricsAndValues[i]).isEqualTo(metricsAndValues[i + 1]);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
