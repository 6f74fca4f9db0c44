package dk.cmm.stats.importer;

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

/**
 * Reads JSON Lines: one JSON object per line; blank lines are skipped. A line longer than {@link #LINE_LIMIT}
 * characters is refused without being held (a record is a few hundred characters; such a line is no record).
 */
final class JsonLinesReader {

    static final int LINE_LIMIT = 1 << 20;

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
        Lines lines = new Lines(source);
        long number = 0;
        while (true) {
            String line;
            try {
                line = lines.next();
            } catch (CharacterCodingException e) {
                problems.accept(new RowProblem(file, number + 1, "file", null, "is not UTF-8 text"));
                return;
            }
            if (line == null) {
                return;
            }
            number++;
            if (lines.tooLong()) {
                problems.accept(new RowProblem(file, number, "line", line, "is longer than 1 MiB, which no record "
                        + "is: is this a JSON Lines file, one record per line?"));
                continue;
            }
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
                problems.accept(new RowProblem(file, number, "line", text, "is not a JSON object: "
                        + e.getOriginalMessage()));
            }
        }
    }

    /** Lines of at most {@link #LINE_LIMIT} characters; of a longer line only its start is kept. */
    private static final class Lines {

        private final Reader in;
        private final char[] buffer = new char[1 << 14];
        private int position;
        private int end;
        private boolean tooLong;

        Lines(Reader in) {
            this.in = in;
        }

        boolean tooLong() {
            return tooLong;
        }

        String next() throws IOException {
            StringBuilder line = new StringBuilder();
            tooLong = false;
            boolean any = false;
            while (true) {
                if (position == end) {
                    end = in.read(buffer);
                    position = 0;
                    if (end < 0) {
                        end = 0;
                        return any ? line.toString() : null;
                    }
                }
                any = true;
                char c = buffer[position++];
                if (c == '\n') {
                    int length = line.length();
                    if (length > 0 && line.charAt(length - 1) == '\r') {
                        line.setLength(length - 1);
                    }
                    return line.toString();
                }
                if (line.length() < LINE_LIMIT) {
                    line.append(c);
                } else {
                    tooLong = true;
                }
            }
        }
    }
}
