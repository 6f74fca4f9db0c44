package dk.cmm.stats.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a problem message shows of a file's content: at most 60 characters, control characters escaped. */
class RowProblemTests {

    @Test
    void shouldEscapeControlAndInvisibleCharacters() {
        RowProblem problem = new RowProblem("f.csv", 3, "ca\u0000se", "a\tb\u001b[2J\u202e\u200bz\r\n",
                "is not \u0007 right");

        assertThat(problem.toString()).isEqualTo("f.csv:3: field 'ca\\u0000se': value 'a\\tb\\u001b[2J\\u202e\\u200bz"
                + "\\r\\n' is not \\u0007 right");
    }

    @Test
    void shouldShowTheFirstSixtyCharactersOfALongValueAndItsLength() {
        RowProblem problem = new RowProblem("f.jsonl", 1, "caseRef", "x".repeat(70_000), "is too long");

        assertThat(problem.toString()).isEqualTo("f.jsonl:1: field 'caseRef': value '" + "x".repeat(60)
                + "…' (70,000 characters) is too long");
    }

    @Test
    void shouldNameTheCellOfAProblemInASheet() {
        SourceRow row = new SourceRow("f.xlsx", 7, java.util.Map.of(), new SheetColumns("Ark 1",
                java.util.Map.of("gender", 2)));

        assertThat(row.problem(7, "gender", "robot", "is not a Gender code").toString())
                .isEqualTo("f.xlsx:'Ark 1'!C7: field 'gender': value 'robot' is not a Gender code");
        assertThat(row.problem(7, "caseRef", null, "is required").toString())
                .isEqualTo("f.xlsx:'Ark 1' row 7: field 'caseRef': is required");
    }
}
