package dk.cmm.stats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dk.cmm.stats.codebook.CodeList;
import dk.cmm.stats.codebook.Lang;

/**
 * Like spring-petclinic's I18nPropertiesSyncTest: both languages hold the same message keys with the same
 * placeholders, every key the templates and the Java code ask for exists, and the templates hold no words of their
 * own (all wording is in the bundles, so both editions say the same).
 */
class ReportMessagesSyncTests {

    static final Path TEMPLATES = Path.of("../site-templates");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private final Messages da = Messages.load(TemplateSource.resolve(TEMPLATES), Lang.DA);
    private final Messages en = Messages.load(TemplateSource.resolve(TEMPLATES), Lang.EN);

    @Test
    void shouldHaveTheSameKeysInDanishAndEnglish() {
        assertThat(da.all().keySet()).isEqualTo(en.all().keySet());
    }

    @Test
    void shouldHaveTheSamePlaceholdersInBothLanguages() {
        for (String key : da.all().keySet()) {
            assertThat(placeholders(en.get(key))).as(key).isEqualTo(placeholders(da.get(key)));
        }
    }

    @Test
    void shouldDefineEveryKeyTheTemplatesUse() throws IOException {
        Pattern use = Pattern.compile("(?:\\bt|\\bda|\\ben|page\\.t)(?:\\[\"|\\(\")([A-Za-z0-9.\\-]+)\"");
        Set<String> used = new TreeSet<>();
        for (Path template : templates()) {
            Matcher m = use.matcher(Files.readString(template));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        assertThat(used).isNotEmpty().contains("section.1", "figure.csv");
        assertThat(da.all().keySet()).containsAll(used);
    }

    @Test
    void shouldDefineEveryKeyTheJavaCodeUses() throws IOException {
        Pattern literal = Pattern.compile("\"((?:text|figure|desc|site|keyfig|outreach|method|unit|chart|what|word"
                + "|proportion|list|fig|channel|exploitation|sector|accommodation|reason|status)"
                + "\\.[A-Za-z0-9.\\-]*)\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/dk/cmm/stats/report"))) {
            for (Path source : sources.toList()) {
                Matcher m = literal.matcher(Files.readString(source));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).contains("text.victims", "method.sources");
        for (String key : used) {
            assertThat(da.has(key) || da.all().keySet().stream().anyMatch(k -> k.startsWith(key + ".")))
                    .as(key).isTrue();
        }
    }

    @Test
    void shouldWordEveryCodeTheNarrativeCanMeet() {
        List<String> keys = new ArrayList<>();
        CodeList.LABOUR_SECTOR.codes().forEach(c -> keys.addAll(List.of("sector.in." + c, "sector.to." + c)));
        CodeList.EXPLOITATION.codes().forEach(c -> keys.add("exploitation." + c));
        CodeList.CONTACT_CHANNEL.codes().forEach(c -> keys.add("channel." + c));
        CodeList.STATUS.codes().forEach(c -> keys.add("status.in." + c));
        CodeList.ACCOMMODATION.codes().forEach(c -> keys.add("accommodation." + c));
        CodeList.CALL_REASON.codes().forEach(c -> keys.add("reason." + c));
        CodeList.PROGRAMME_KIND.codes().forEach(c -> keys.addAll(List.of("outreach.activities." + c,
                "outreach.contacts." + c, "outreach.health." + c)));
        for (Proportion.Fraction f : Proportion.Fraction.values()) {
            keys.add("proportion." + f);
        }
        for (FigureData.Unit unit : FigureData.Unit.values()) {
            keys.addAll(List.of("unit." + unit + ".header", "desc.unit." + unit, "figure.empty." + unit));
        }
        for (String id : List.of("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14",
                "14-2")) {
            keys.add("fig." + id + ".title");
        }
        assertThat(da.all().keySet()).containsAll(keys);
    }

    @Test
    void shouldKeepNoWordsInTheTemplates() throws IOException {
        for (Path template : templates()) {
            String text = Files.readString(template, StandardCharsets.UTF_8)
                    .replaceAll("(?s)<#--.*?-->", "")
                    .replaceAll("(?s)<!--.*?-->", "")
                    .replaceAll("(?s)</?[#@](?:->|\"[^\"]*\"|[^>\"])*>", "")
                    .replaceAll("\\$\\{[^}]*}", "")
                    .replaceAll("(?i)<!DOCTYPE[^>]*>", "")
                    .replaceAll("(?s)<[^>]*>", "");
            assertThat(text.replaceAll("[\\s\\p{Punct}·–—0-9]", "")).as(template + " holds text of its own")
                    .isEmpty();
        }
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".ftlh")).sorted().toList();
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
