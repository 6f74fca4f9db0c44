package dk.cmm.stats.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;

/**
 * What the server's query planner does with a pipeline: the stages and indexes of its winning plan, from
 * {@code explain} (queryPlanner verbosity). The embedded server has no planner and no {@code explain}; real MongoDB
 * answers in one of two shapes (the classic engine's {@code $cursor} stage, or the slot-based engine's top-level
 * {@code queryPlanner}), both handled here.
 */
final class Explain {

    private Explain() {
    }

    /** e.g. {@code "IXSCAN (assessmentYear_1_assessedBy_1), FETCH"}, or why there is no plan. */
    static String winningPlan(MongoDatabase database, String collection, List<Document> pipeline) {
        Document explained;
        try {
            explained = database.runCommand(new Document("explain", new Document("aggregate", collection)
                    .append("pipeline", pipeline).append("cursor", new Document()))
                    .append("verbosity", "queryPlanner"));
        } catch (MongoException e) {
            return "no plan: the server has no query planner to explain (" + firstLine(e.getMessage()) + ")";
        }
        List<Document> plans = new ArrayList<>();
        collectWinningPlans(explained, plans);
        if (plans.isEmpty()) {
            return "no winning plan in the server's explain output";
        }
        Set<String> stages = new LinkedHashSet<>();
        for (Document plan : plans) {
            describe(plan, stages);
        }
        return String.join(", ", stages);
    }

    private static void collectWinningPlans(Object node, List<Document> plans) {
        if (node instanceof Document doc) {
            for (var entry : doc.entrySet()) {
                if (entry.getKey().equals("winningPlan") && entry.getValue() instanceof Document plan) {
                    plans.add(plan.get("queryPlan") instanceof Document inner ? inner : plan);
                } else {
                    collectWinningPlans(entry.getValue(), plans);
                }
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectWinningPlans(item, plans));
        }
    }

    /** The plan's stages from the leaf up: the scan first, then FETCH, PROJECTION, GROUP and so on. */
    private static void describe(Document plan, Set<String> stages) {
        if (plan.get("inputStage") instanceof Document input) {
            describe(input, stages);
        }
        if (plan.get("inputStages") instanceof List<?> inputs) {
            inputs.stream().filter(Document.class::isInstance).forEach(input -> describe((Document) input, stages));
        }
        String stage = plan.getString("stage");
        if (stage != null) {
            String index = plan.getString("indexName");
            stages.add(index == null ? stage : stage + " (" + index + ")");
        }
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message;
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
