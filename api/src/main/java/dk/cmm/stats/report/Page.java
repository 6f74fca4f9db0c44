package dk.cmm.stats.report;

import java.util.List;
import java.util.Map;

/**
 * The model of one language's page, handed to {@code report.ftlh}: only strings, numbers, lists and maps, built
 * before rendering. {@code t} holds every text of the message bundle; {@code text} the narrative's paragraphs, a record per
 * section ({@link ReportText}); {@code fig} the figures by id ({@code fig["05"]}). {@code totalOnly} is set for a year
 * whose records carry little beyond their year (a published total): the page is then short, the total, the series
 * and this sentence on what is not recorded, rather than every section saying "not available".
 */
public record Page(
        String lang,
        int year,
        Map<String, String> t,
        Links links,
        String title,
        String htmlTitle,
        String cutOff,
        boolean reconstructed,
        List<KeyFigure> keyFigures,
        ReportText text,
        Map<String, Figure> fig,
        List<ProgrammeBlock> programmes,
        List<String> method,
        String totalOnly) {

    /** Relative links of the page: its stylesheets, the other language's edition (null if not exported), the index. */
    public record Links(String css, String printCss, String otherLang, String otherLangHref, String index,
            String outreachCsv, String summaryJson) {
    }

    /** A headline number: "66" / "officially assessed as trafficked". */
    public record KeyFigure(String value, String label) {
    }

    /**
     * One figure, in the page's language.
     *
     * @param availability {@code data}, {@code empty} or {@code not-available}
     * @param message      what is shown instead of a chart when there is no data
     * @param series       labels of the series of a grouped chart (empty otherwise)
     * @param total        the sum of a bar chart's rows as printed, for the table's total row (null otherwise)
     */
    public record Figure(String id, String anchor, String number, String label, String title, String description,
            String chart, String availability, String message, List<Series> series, List<Row> rows, String total,
            String categoryHeader, String valueHeader, String source, String csvHref, String csvName) {
    }

    /** A series of a grouped chart: its label and whether it is the "not available" series. */
    public record Series(String label, boolean unknown) {
    }

    /** A category with one cell per series (one cell for a single-series chart). */
    public record Row(String code, String label, boolean unknown, List<Cell> cells) {
    }

    /**
     * @param value    the count, null where not available
     * @param text     the count as printed, or "ikke oplyst" / "not available"
     * @param fraction the value as a share of the figure's largest value (0–1), for the bar's length
     */
    public record Cell(Integer value, String text, double fraction, int series, boolean unknown) {
    }

    /** An outreach programme and its metrics, e.g. "Antal gadevagter og besøg" / "40". */
    public record ProgrammeBlock(String code, String anchor, String name, String about, List<Metric> metrics) {
    }

    public record Metric(String key, String label, String value) {
    }
}
