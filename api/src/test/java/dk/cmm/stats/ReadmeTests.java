package dk.cmm.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dk.cmm.stats.codebook.CodeList;
import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.importer.RecordKind;

/**
 * The README is a front door that fits on a screen and reaches every section of the manual in {@code docs/}; the
 * links of both resolve; and the guide to import files keeps up with the codebook and the record kinds' columns.
 */
class ReadmeTests {

    /** About a screen: the two commands, what the system is, and the contents table end within these lines. */
    private static final int SCREEN_LINES = 40;
    private static final Path README = Path.of("../README.md");
    private static final Path DOCS = Path.of("../docs");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6}) (.+)$");

    private static String section(String heading) throws IOException {
        String guide = Files.readString(Path.of("../docs/importing.md"), StandardCharsets.UTF_8);
        int start = guide.indexOf("\n" + heading + "\n");
        assertThat(start).as("docs/importing.md has " + heading).isNotNegative();
        int end = guide.indexOf("\n## ", start + heading.length() + 2);
        return guide.substring(start, end < 0 ? guide.length() : end);
    }

    @Test
    void shouldDocumentEveryColumnOfEveryKind() throws IOException {
        String columns = section("## The columns");
        for (RecordKind kind : RecordKind.values()) {
            assertThat(columns).contains("**" + kind.optionName() + "**");
            for (String column : kind.csvColumns()) {
                assertThat(columns).as(kind.optionName() + " column " + column).contains("`" + column + "`");
            }
        }
    }

    @Test
    void shouldListEveryCodeThatCanBeImportedWithItsDanishAndEnglishLabel() throws IOException {
        String columns = section("## The columns");
        Codebook codebook = Codebook.standard();
        for (CodeList list : CodeList.values()) {
            if (list == CodeList.REGION) {
                continue; // derived from nationality, never imported
            }
            for (Enum<?> code : list.type().getEnumConstants()) {
                assertThat(columns).as(list + " " + code).contains("`" + code.name() + "` "
                        + codebook.label(code, Lang.DA) + " / " + codebook.label(code, Lang.EN));
            }
        }
    }

    @Test
    void shouldOpenWithTheTwoCommandsAndEndItsContentsWithinAScreen() throws IOException {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        assertThat(lines.subList(2, 6)).as("the README opens with the two commands").satisfiesExactly(
                line -> assertThat(line).isEqualTo("```bash"),
                line -> assertThat(line).startsWith("./cmm-stats export --year 2012 && ./cmm-stats serve "),
                line -> assertThat(line).startsWith("./mvnw -B verify "),
                line -> assertThat(line).isEqualTo("```"));
        int contents = lines.indexOf("## Contents");
        assertThat(contents).as("README has ## Contents").isPositive();
        assertThat(endOfTop(lines)).as("the line where the contents table ends").isLessThanOrEqualTo(SCREEN_LINES);
    }

    @Test
    void shouldReachEverySectionOfTheManualFromTheReadmesTop() throws IOException {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        String top = String.join("\n", lines.subList(0, endOfTop(lines)));
        for (Path doc : manual()) {
            String file = "docs/" + doc.getFileName();
            assertThat(top).as("the README's top links " + file).contains("](" + file);
            for (String heading : headings(doc, 2, 3)) {
                assertThat(top).as("the README's top links " + file + "#" + heading).contains(file + "#" + heading);
            }
        }
    }

    @Test
    void shouldLinkOnlyToFilesAndHeadingsThatExist() throws IOException {
        List<Path> documents = new ArrayList<>(manual());
        documents.add(README);
        List<String> broken = new ArrayList<>();
        for (Path document : documents) {
            Matcher link = LINK.matcher(Files.readString(document, StandardCharsets.UTF_8));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // another site
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? document : document.resolveSibling(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(document.getFileName() + ": " + target + " (no such file)");
                } else if (hash >= 0 && resolved.toString().endsWith(".md")
                        && !headings(resolved, 1, 6).contains(target.substring(hash + 1))) {
                    broken.add(document.getFileName() + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }

    /** The manual's files in docs/, ARCHITECTURE.md included. */
    private static List<Path> manual() throws IOException {
        try (Stream<Path> files = Files.list(DOCS)) {
            return files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
    }

    /** The line after the README's contents table: the first blank line after "## Contents". */
    private static int endOfTop(List<String> lines) {
        int line = lines.indexOf("## Contents") + 1;
        while (line < lines.size() && !lines.get(line).isBlank()) {
            line++;
        }
        return line;
    }

    /** The anchors GitHub gives a document's headings of these levels, outside code blocks. */
    private static Set<String> headings(Path document, int shallowest, int deepest) throws IOException {
        Set<String> anchors = new LinkedHashSet<>();
        boolean code = false;
        for (String line : Files.readAllLines(document, StandardCharsets.UTF_8)) {
            code ^= line.startsWith("```");
            Matcher heading = HEADING.matcher(line);
            if (!code && heading.matches() && heading.group(1).length() >= shallowest
                    && heading.group(1).length() <= deepest) {
                anchors.add(heading.group(2).toLowerCase(Locale.ROOT).replace("`", "")
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }
}
