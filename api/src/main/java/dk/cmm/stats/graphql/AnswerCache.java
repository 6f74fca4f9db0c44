package dk.cmm.stats.graphql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dk.cmm.stats.security.Role;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serialised answers to statistics-only queries, ready to write: keyed by the normalised document, operation name,
 * variables and extensions (canonical JSON), the caller's role, the media type and the answer's version (data and
 * published releases, {@link AnswerVersion}). Because the version is part of the key, an answer is
 * never served after a write or a publication (the next request reads the new version and misses);
 * entries of old versions simply age out. Only error-free answers are kept. Bounded by
 * {@code cmm.graphql.answer-cache.max-bytes} (default 64 MiB).
 */
final class AnswerCache {

    record Key(String document, String operationName, String variables, String extensions, Role role,
            String mediaType, String dataVersion) {

        /** A strong ETag: SHA-256 over every part of the key. */
        String etag() {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (String part : List.of(document, String.valueOf(operationName), variables, extensions, role.name(),
                        mediaType, dataVersion)) {
                    sha.update(part.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
                return "\"" + HexFormat.of().formatHex(sha.digest(), 0, 16) + "\"";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    record Answer(byte[] body, int status, boolean errorFree) {
    }

    private final Cache<Key, Answer> answers;

    AnswerCache(long maxBytes) {
        answers = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Key key, Answer answer) -> answer.body().length + key.document().length() + 200)
                .build();
    }

    Answer get(Key key) {
        return answers.getIfPresent(key);
    }

    void put(Key key, Answer answer) {
        answers.put(key, answer);
    }

    /** The variables as JSON with object keys sorted, so that the same variables give the same key. */
    static String canonical(Map<String, Object> variables, JsonMapper json) {
        return json.writeValueAsString(sorted(variables));
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AnswerCache::sorted).toList();
        }
        return value;
    }
}
