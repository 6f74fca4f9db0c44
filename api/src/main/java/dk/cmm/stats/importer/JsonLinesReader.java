package dk.cmm.stats.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads JSON Lines: one JSON object per line; blank lines are skipped. */
final class JsonLinesReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private JsonLinesReader() {
    }

    /** Reads every line; a line that is not a JSON object becomes a {@link RowProblem}. */
    static List<SourceRow> read(String file, Reader source, List<RowProblem> problems) throws IOException {
        List<SourceRow> rows = new ArrayList<>();
        forEach(file, source, rows::add, problems::add);
        return rows;
    }

    /** Reads line by line, handing each record to the sink as it is read (memory stays bounded). */
    static void forEach(String file, Reader source, Consumer<SourceRow> sink, Consumer<RowProblem> problems)
            throws IOException {
        BufferedReader reader = new BufferedReader(source);
        String line;
        long number = 0;
        while ((line = readLine(reader, file, number + 1, problems)) != null) {
            number++;
            String text = number == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
            if (text.isBlank()) {
                continue;
            }
            try {
                Map<String, Object> fields = JSON.readValue(text, OBJECT);
                if (fields == null) {
                    problems.accept(new RowProblem(file, number, "line", text, "is not a JSON object"));
                } else {
                    sink.accept(new SourceRow(file, number, fields));
                }
            } catch (JacksonException e) {
                problems.accept(new RowProblem(file, number, "line", null, "is not a JSON object: "
                        + e.getOriginalMessage()));
            }
        }
    }

    private static String readLine(BufferedReader reader, String file, long number, Consumer<RowProblem> problems)
            throws IOException {
        try {
            return reader.readLine();
        } catch (CharacterCodingException e) {
            problems.accept(new RowProblem(file, number, "file", null, "is not UTF-8 text"));
            return null;
        }
    }
}
