package dk.cmm.stats.disclosure;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dk.cmm.stats.RawHttp;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends many breakdown questions at once (as aliases of one GraphQL document) and keeps every answer as boxes: a box
 * is the set of records a number counts, one set of codes per restricted dimension (filters and group keys
 * together). What an attacker collects, and what a test can difference.
 */
final class Sweep {

    static final int BATCH = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One question: a filter (dimension → codes) and the groupBy dimensions. */
    record Question(Map<String, Set<String>> filter, List<String> groupBy) {
    }

    /** A number as answered: its box, and its value (null when withheld). */
    record Answer(Map<String, Set<String>> box, Integer value) {
        String key() {
            return Sweep.key(box);
        }
    }

    /** One question's answers: its total, and its groups. */
    record Table(Question question, Answer total, List<Answer> groups) {
    }

    private final RawHttp http;
    private final String query;
    private final String filterType;
    private final Map<String, String> filterFields;
    private final Set<String> integerFilters;
    private final String[] headers;

    Sweep(RawHttp http, String query, String filterType, Map<String, String> filterFields,
            Set<String> integerFilters, String... headers) {
        this.http = http;
        this.query = query;
        this.filterType = filterType;
        this.filterFields = filterFields;
        this.integerFilters = integerFilters;
        this.headers = headers;
    }

    static String key(Map<String, Set<String>> box) {
        return new TreeMap<>(box).entrySet().stream().map(e -> e.getKey() + "=" + new TreeSet<>(e.getValue()))
                .toList().toString();
    }

    List<Table> ask(List<Question> questions) {
        List<Table> tables = new ArrayList<>();
        for (int from = 0; from < questions.size(); from += BATCH) {
            tables.addAll(askBatch(questions.subList(from, Math.min(questions.size(), from + BATCH))));
        }
        return tables;
    }

    @SuppressWarnings("unchecked")
    private List<Table> askBatch(List<Question> batch) {
        StringBuilder document = new StringBuilder("query Sweep(");
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            document.append(i == 0 ? "" : ", ").append("$f").append(i).append(": ").append(filterType);
            Map<String, Object> filter = new LinkedHashMap<>();
            batch.get(i).filter().forEach((dimension, codes) -> filter.put(filterFields.get(dimension),
                    codes.stream().map(code -> integerFilters.contains(dimension) ? (Object) Integer.valueOf(code)
                            : code).toList()));
            variables.put("f" + i, filter);
        }
        document.append(") {\n");
        for (int i = 0; i < batch.size(); i++) {
            document.append("  q").append(i).append(": ").append(query).append("(filter: $f").append(i)
                    .append(", groupBy: ").append(batch.get(i).groupBy()).append(", includeEmpty: true) "
                            + "{ total groups { key { dimension code } count suppressed } }\n");
        }
        document.append("}");
        HttpResponse<String> response = http.post("/graphql", JSON.writeValueAsString(Map.of("query",
                document.toString(), "variables", variables)), headers);
        Map<String, Object> body = RawHttp.json(response.body());
        if (body.get("errors") != null) {
            throw new AssertionError("sweep query failed: " + body.get("errors") + "\n" + document);
        }
        Map<String, Object> data = (Map<String, Object>) body.get("data");
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Question question = batch.get(i);
            Map<String, Object> stats = (Map<String, Object>) data.get("q" + i);
            Answer total = new Answer(question.filter(), (Integer) stats.get("total"));
            List<Answer> groups = new ArrayList<>();
            for (Map<String, Object> group : (List<Map<String, Object>>) stats.get("groups")) {
                Map<String, Set<String>> box = new TreeMap<>(question.filter());
                boolean empty = false;
                for (Map<String, Object> key : (List<Map<String, Object>>) group.get("key")) {
                    String dimension = (String) key.get("dimension");
                    String code = (String) key.get("code");
                    Set<String> before = box.get(dimension);
                    if (before != null && !before.contains(code)) {
                        empty = true;
                    }
                    box.put(dimension, Set.of(code));
                }
                Integer count = (Integer) group.get("count");
                if (Boolean.TRUE.equals(group.get("suppressed")) != (count == null)) {
                    throw new AssertionError("suppressed must be true exactly when count is null: " + group);
                }
                if (!empty) {
                    groups.add(new Answer(box, count));
                }
            }
            tables.add(new Table(question, total, groups));
        }
        return tables;
    }
}
