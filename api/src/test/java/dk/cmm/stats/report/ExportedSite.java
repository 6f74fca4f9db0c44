package dk.cmm.stats.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads an exported year: its two pages parsed with jsoup, its files as text. */
record ExportedSite(Path out, int year) {

    Path folder() {
        return out.resolve(Integer.toString(year));
    }

    Document danish() {
        return parse(folder().resolve("index.html"));
    }

    Document english() {
        return parse(folder().resolve("en/index.html"));
    }

    String file(String name) {
        try {
            return Files.readString(folder().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document parse(Path page) {
        try {
            return Jsoup.parse(Files.readString(page), page.toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a section, with non-breaking spaces as plain spaces. */
    static String text(Document page, String sectionId) {
        Element section = page.getElementById(sectionId);
        if (section == null) {
            throw new AssertionError("no section #" + sectionId);
        }
        return section.text().replace('\u00a0', ' ');
    }
}
