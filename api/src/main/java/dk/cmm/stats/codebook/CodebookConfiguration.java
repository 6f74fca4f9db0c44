package dk.cmm.stats.codebook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Exposes the one codebook to the application's components. */
@Configuration(proxyBeanMethods = false)
class CodebookConfiguration {

    @Bean
    Codebook codebook() {
        return Codebook.standard();
    }
}
