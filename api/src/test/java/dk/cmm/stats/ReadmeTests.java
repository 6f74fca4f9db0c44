package dk.cmm.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dk.cmm.stats.codebook.CodeList;
import dk.cmm.stats.codebook.Codebook;
import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.importer.RecordKind;

/** The README's guide to import files keeps up with the codebook and the record kinds' columns. */
class ReadmeTests {

    private static String section(String heading) throws IOException {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n" + heading + "\n");
        assertThat(start).as("README has " + heading).isNotNegative();
        int end = readme.indexOf("\n### ", start + heading.length() + 2);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    @Test
    void shouldDocumentEveryColumnOfEveryKind() throws IOException {
        String columns = section("### The columns");
        for (RecordKind kind : RecordKind.values()) {
            assertThat(columns).contains("**" + kind.optionName() + "**");
            for (String column : kind.csvColumns()) {
                assertThat(columns).as(kind.optionName() + " column " + column).contains("`" + column + "`");
            }
        }
    }

    @Test
    void shouldListEveryCodeThatCanBeImportedWithItsDanishAndEnglishLabel() throws IOException {
        String columns = section("### The columns");
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
}
