package dk.cmm.stats.disclosure;

import org.springframework.boot.test.context.SpringBootTest;

/** The releases' reload on the embedded default (mongo-java-server). */
@SpringBootTest(properties = { "cmm.data-dir=target/test-data/${random.uuid}", "cmm.bundled-data=NEVER" })
class EmbeddedReleaseReloadTests extends ReleaseReloadContract {
}
