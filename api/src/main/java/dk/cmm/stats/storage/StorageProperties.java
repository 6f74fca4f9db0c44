package dk.cmm.stats.storage;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. With no MongoDB URI configured ({@code MONGODB_URI} or {@code spring.mongodb.uri}), an
 * embedded MongoDB wire-protocol server keeps it in {@code dataDir}.
 *
 * @param dataDir        folder of the embedded server's file, lock and port file
 * @param embeddedPort   loopback port of the embedded server; 0 picks a free one (written to the port file)
 * @param embeddedMemory keep the embedded data in memory only (tests, benchmarks); nothing survives a restart
 * @param bundledData    AUTO loads the bundled records into a database that has none of ours; NEVER skips them
 * @param embeddedBackend how the embedded server keeps the file: WRITE_THROUGH (default) answers from memory and
 *                       commits every write to the file too; H2 answers from the file itself (less memory, slower)
 * @param embeddedCacheMb the H2 file's page cache in MB (H2's default is 16)
 */
@ConfigurationProperties("cmm")
public record StorageProperties(Path dataDir, Integer embeddedPort, Boolean embeddedMemory, BundledData bundledData,
        EmbeddedBackend embeddedBackend, Integer embeddedCacheMb) {

    public enum BundledData { AUTO, NEVER }

    /** How the embedded server uses its H2 file (see {@link EmbeddedMongo}). */
    public enum EmbeddedBackend { WRITE_THROUGH, H2 }

    public StorageProperties {
        dataDir = dataDir != null ? dataDir : Path.of("data");
        embeddedPort = embeddedPort != null ? embeddedPort : 0;
        embeddedMemory = embeddedMemory != null && embeddedMemory;
        bundledData = bundledData != null ? bundledData : BundledData.AUTO;
        embeddedBackend = embeddedBackend != null ? embeddedBackend : EmbeddedBackend.WRITE_THROUGH;
        embeddedCacheMb = embeddedCacheMb != null ? embeddedCacheMb : EmbeddedMongo.DEFAULT_CACHE_MB;
    }
}
