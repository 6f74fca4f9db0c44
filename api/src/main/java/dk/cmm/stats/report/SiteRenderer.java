package dk.cmm.stats.report;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/**
 * FreeMarker over the templates folder: {@code .ftlh} files are HTML auto-escaped ({@code incompatible_improvements}
 * 2.3.35), numbers print in computer format (so SVG coordinates never get a decimal comma), and a failure names the
 * template and the file it was rendering.
 */
final class SiteRenderer {

    private final Configuration configuration;

    SiteRenderer(TemplateSource source) {
        configuration = new Configuration(Configuration.VERSION_2_3_35);
        configuration.setTemplateLoader(source.templateLoader());
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setURLEscapingCharset("UTF-8");
        configuration.setLocale(java.util.Locale.ROOT);
        configuration.setNumberFormat("c");
        configuration.setBooleanFormat("c");
        configuration.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
    }

    /** Renders a template with the model under the given name ("page", "index"); output names the target file. */
    String render(String template, Map<String, Object> model, String output) {
        try {
            Template t = configuration.getTemplate(template);
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString();
        } catch (TemplateException e) {
            throw new ReportException("Rendering " + output + " with template " + template + " failed: "
                    + e.getMessageWithoutStackTop(), e);
        } catch (IOException e) {
            throw new ReportException("Rendering " + output + " with template " + template + " failed: "
                    + e.getMessage(), e);
        }
    }
}
