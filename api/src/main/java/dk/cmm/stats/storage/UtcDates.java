package dk.cmm.stats.storage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Dates are stored as UTC midnight, whatever the writing JVM's zone: the MongoDB driver's own java.time codecs
 * (a {@code LocalDate} is the BSON date of its midnight in UTC, and reads back as the same date everywhere), instead
 * of Spring Data's default, which stores local midnight in the JVM's zone (so 2012-03-01 written in Copenhagen was
 * 2012-02-29T23:00Z, and read back a day early by a process in UTC). Replaces Spring Boot's default conversions.
 */
@Configuration(proxyBeanMethods = false)
class UtcDates {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(adapter -> adapter.useNativeDriverJavaTimeCodecs());
    }
}
