package dk.cmm.stats.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        BufferedReader reader = new BufferedReader(source);
        String line;
        long number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String text = number == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
            if (text.isBlank()) {
                continue;
            }
            try {
                rows.add(new SourceRow(file, number, JSON.readValue(text, OBJECT)));
            } catch (JacksonException e) {
                problems.add(new RowProblem(file, number, "line", null, "is not a JSON object: "
                        + e.getOriginalMessage()));
            }
        }
        return rows;
    }
}
