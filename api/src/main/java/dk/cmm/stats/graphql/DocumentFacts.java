package dk.cmm.stats.graphql;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;

/**
 * What the GET endpoint must know of a query document before running it: which kind of operation it selects (a
 * mutation is refused over GET), its normalised text (the same question written with other spacing or comments
 * has one ETag and one cache entry), and whether it asks only for statistics (whose answers depend only on the
 * question, the caller's role and the data, and so may be kept). Parsed once per distinct text. A text that does not
 * parse, or names no operation it holds, has no facts: graphql-java answers it with its usual error.
 */
final class DocumentFacts {

    /** Query fields whose answers depend only on the arguments, the caller's role and the data. */
    static final Set<String> STATISTICS_FIELDS = Set.of("personStats", "hotlineStats", "outreachStats", "codebook",
            "years", "__typename");

    record Facts(OperationDefinition.Operation operation, String normalised, boolean statisticsOnly,
            boolean introspectionOnly) {
    }

    private final Cache<Key, Optional<Facts>> facts = Caffeine.newBuilder()
            .maximumSize(PreparsedDocuments.MAX_DOCUMENTS).build();

    Optional<Facts> of(String query, String operationName) {
        return facts.get(new Key(query, operationName), key -> parse(key.query(), key.operationName()));
    }

    private static Optional<Facts> parse(String query, String operationName) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return Optional.empty();
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        List<OperationDefinition> chosen = operations.stream()
                .filter(op -> operationName == null || operationName.equals(op.getName())).toList();
        if (chosen.size() != 1) {
            return Optional.empty();
        }
        OperationDefinition operation = chosen.get(0);
        // only plain top-level fields count as statistics; a fragment at the top is not looked into
        boolean statisticsOnly = operation.getOperation() == OperationDefinition.Operation.QUERY
                && operation.getSelectionSet().getSelections().stream()
                        .allMatch(s -> s instanceof Field f && STATISTICS_FIELDS.contains(f.getName()));
        boolean introspectionOnly = operation.getOperation() == OperationDefinition.Operation.QUERY
                && operation.getSelectionSet().getSelections().stream()
                        .allMatch(s -> s instanceof Field f && f.getName().startsWith("__"));
        return Optional.of(new Facts(operation.getOperation(), AstPrinter.printAstCompact(document), statisticsOnly,
                introspectionOnly));
    }

    private record Key(String query, String operationName) {
    }
}
