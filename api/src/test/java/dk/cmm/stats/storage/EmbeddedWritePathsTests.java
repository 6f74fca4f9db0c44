package dk.cmm.stats.storage;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link WritePathsContract} on the embedded default. */
@SpringBootTest(properties = { "cmm.data-dir=target/test-data/${random.uuid}", "cmm.bundled-data=NEVER" })
class EmbeddedWritePathsTests extends WritePathsContract {
}
