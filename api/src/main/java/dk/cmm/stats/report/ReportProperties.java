package dk.cmm.stats.report;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the report's templates, messages and CSS are read from: {@code --cmm.report.templates=PATH}. Unset, the
 * folder {@code site-templates} in the working directory is used when it exists (so a designer's edits show in the
 * next export, no build needed), else the copy packaged in the jar.
 *
 * @param templates a folder holding {@code report.ftlh}, {@code lib/}, {@code messages/} and {@code assets/}
 */
@ConfigurationProperties("cmm.report")
public record ReportProperties(Path templates) {
}
