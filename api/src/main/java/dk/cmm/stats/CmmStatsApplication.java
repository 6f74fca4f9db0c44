package dk.cmm.stats;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Spring Boot application. It is started by the command line ({@code dk.cmm.stats.cli.Main}), which picks the
 * subcommand and passes Spring's own {@code --key=value} arguments through.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CmmStatsApplication {
}
