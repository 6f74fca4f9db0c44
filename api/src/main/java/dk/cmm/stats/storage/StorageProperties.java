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
 * @param embeddedCacheMb the page cache of the embedded server's H2 file in MB; by default 40 % of the maximum heap
 *                       (at least 64, at most 4096), which holds a few hundred thousand records: see docs/speed.md
 *                       (H2's own default of 16 MB makes breakdowns at 200,000 persons about 10 times slower)
 */
@ConfigurationProperties("cmm")
public record StorageProperties(Path dataDir, Integer embeddedPort, Boolean embeddedMemory, BundledData bundledData,
        Integer embeddedCacheMb) {

    public enum BundledData { AUTO, NEVER }

    public StorageProperties {
        dataDir = dataDir != null ? dataDir : Path.of("data");
        embeddedPort = embeddedPort != null ? embeddedPort : 0;
        embeddedMemory = embeddedMemory != null && embeddedMemory;
        bundledData = bundledData != null ? bundledData : BundledData.AUTO;
        embeddedCacheMb = embeddedCacheMb != null ? embeddedCacheMb : EmbeddedMongo.defaultCacheMb();
    }
}
