package dk.cmm.stats.importer;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link ImportSemanticsContract} on the embedded default. */
@SpringBootTest(properties = { "cmm.data-dir=target/test-data/${random.uuid}", "cmm.bundled-data=NEVER" })
class EmbeddedImportSemanticsTests extends ImportSemanticsContract {
}
