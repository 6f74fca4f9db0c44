package dk.cmm.stats.cli;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import dk.cmm.stats.CmmStatsApplication;

/** A subcommand that runs inside the Spring application (and so opens the database, loading bundled data first). */
abstract class SpringCommand {

    String[] springArgs = new String[0];

    /** Starts the application without a web server, for a command that does its work and exits. */
    ConfigurableApplicationContext startBatch() {
        SpringApplication application = new SpringApplication(CmmStatsApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        application.setAdditionalProfiles("batch");
        return application.run(springArgs);
    }
}
