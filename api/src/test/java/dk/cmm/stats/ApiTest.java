package dk.cmm.stats;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port, on the embedded default with the bundled data in a fresh data folder,
 * with an {@code HttpGraphQlTester} that sends queries over HTTP, and the test API tokens of {@link StaffTokens}.
 * Test classes that share it share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "cmm.data-dir=target/test-data/api-${random.uuid}",
                // the disclosure sweeps send thousands of anonymous queries; RateLimitTests checks the limit itself
                "cmm.security.anonymous-per-minute=1000000", "cmm.security.anonymous-burst=1000000" })
@AutoConfigureHttpGraphQlTester
@Import(StaffTokens.Install.class)
public @interface ApiTest {
}
