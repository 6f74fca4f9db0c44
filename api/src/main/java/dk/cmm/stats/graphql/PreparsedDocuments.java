package dk.cmm.stats.graphql;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parses and validates each distinct query text once: a dashboard sends the same few documents all day, and
 * parsing plus validation is the largest share of the time a cached answer takes. The parsed document depends only
 * on the text and the schema (the error messages also on the locale); variables are bound per request as usual.
 */
@Configuration(proxyBeanMethods = false)
class PreparsedDocuments {

    /** Distinct documents kept; least recently used go first. */
    static final int MAX_DOCUMENTS = 1_000;

    @Bean
    GraphQlSourceBuilderCustomizer preparsedDocumentCache() {
        Cache<Key, PreparsedDocumentEntry> documents = Caffeine.newBuilder().maximumSize(MAX_DOCUMENTS).build();
        PreparsedDocumentProvider provider = new PreparsedDocumentProvider() {
            @Override
            public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                    Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
                Key key = new Key(input.getQuery(), input.getLocale());
                return CompletableFuture.completedFuture(documents.get(key, k -> parseAndValidate.apply(input)));
            }
        };
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
    }

    private record Key(String query, Locale locale) {
    }
}
