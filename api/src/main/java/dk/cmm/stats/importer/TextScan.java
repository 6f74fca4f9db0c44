package dk.cmm.stats.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a text file's bytes tell before it is read: its number of lines (a progress bar's length) and its encoding.
 * A file that is valid UTF-8 (with or without a byte order mark) is UTF-8; any other is Windows-1252, which is what
 * Danish Excel and LibreOffice write when one saves as plain "CSV". A file that is neither (NUL bytes, a byte
 * Windows-1252 does not define, a workbook or UTF-16 text under a .csv name) is refused, with a hint.
 */
record TextScan(long lines, Charset encoding, Optional<String> refusal) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Reads the file through once (a reader decodes ahead, so only a scan of its own tells the line). */
    static TextScan of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new Scanner().scan(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A UTF-8 validator and line counter over a byte stream. */
    private static final class Scanner {

        private long lines;
        private long firstNul;
        private long firstNotUtf8;
        private long firstNot1252;
        private int undefined1252;
        /** Continuation bytes still expected by the UTF-8 sequence under way, and the bounds of the next one. */
        private int pending;
        private int low = 0x80;
        private int high = 0xBF;
        /** The header row's bytes, and where in its row the scan is: columns counted for either separator. */
        private final java.io.ByteArrayOutputStream header = new java.io.ByteArrayOutputStream();
        private boolean quoted;
        private int semicolonColumn;
        private int commaColumn;
        private int[] nulColumns;
        private int[] not1252Columns;

        TextScan scan(InputStream in) throws IOException {
            byte[] buffer = new byte[1 << 16];
            int read = in.readNBytes(buffer, 0, 4);
            Optional<String> signature = signature(buffer, read);
            if (signature.isPresent()) {
                return new TextScan(0, null, signature);
            }
            char last = '\n';
            while (read > 0) {
                for (int i = 0; i < read; i++) {
                    int b = buffer[i] & 0xFF;
                    if (b == '\n') {
                        lines++;
                        semicolonColumn = 0;
                        commaColumn = 0;
                        quoted = false;
                    } else {
                        column(b);
                    }
                    if (b == 0 && firstNul == 0) {
                        firstNul = lines + 1;
                        nulColumns = new int[] { semicolonColumn, commaColumn };
                    }
                    if (firstNot1252 == 0 && (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D)) {
                        firstNot1252 = lines + 1;
                        undefined1252 = b;
                        not1252Columns = new int[] { semicolonColumn, commaColumn };
                    }
                    if (firstNotUtf8 == 0 && !utf8(b)) {
                        firstNotUtf8 = lines + (b == '\n' ? 0 : 1);
                    }
                    last = (char) b;
                }
                read = in.read(buffer);
            }
            if (pending > 0 && firstNotUtf8 == 0) {
                firstNotUtf8 = lines + 1;
            }
            long count = last == '\n' ? lines : lines + 1;
            if (firstNul > 0) {
                return refused(count, "holds NUL bytes (from line " + firstNul + field(firstNul, nulColumns)
                        + "), so it is not a text file; "
                        + "save it as CSV or as an Excel workbook (.xlsx), and import that");
            }
            if (firstNotUtf8 == 0) {
                return new TextScan(count, StandardCharsets.UTF_8, Optional.empty());
            }
            if (firstNot1252 > 0) {
                return refused(count, "is neither UTF-8 nor Windows-1252 text (line " + firstNotUtf8 + " is not "
                        + "UTF-8, and line " + firstNot1252 + field(firstNot1252, not1252Columns) + " holds byte 0x"
                        + Integer.toHexString(undefined1252).toUpperCase(java.util.Locale.ROOT)
                        + "); in Excel, save it as \"CSV UTF-8\"");
            }
            return new TextScan(count, WINDOWS_1252, Optional.empty());
        }

        /** Counts the columns of the row under way (for ';' and for ','), and keeps the header row's bytes. */
        private void column(int b) {
            if (lines == 0 && header.size() < 8192) {
                header.write(b);
            }
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted && b == ';') {
                semicolonColumn++;
            } else if (!quoted && b == ',') {
                commaColumn++;
            }
        }

        /**
         * {@code , field 'nationality'}: the header's name of the column the byte is in, by the separator the header
         * row uses; empty in the header row itself.
         */
        private String field(long line, int[] columns) {
            if (line <= 1 || columns == null) {
                return "";
            }
            String names = header.toString(StandardCharsets.ISO_8859_1).replace("\r", "");
            boolean semicolon = names.chars().filter(c -> c == ';').count() >= names.chars().filter(c -> c == ',')
                    .count();
            String[] fields = names.split(semicolon ? ";" : ",", -1);
            int column = semicolon ? columns[0] : columns[1];
            return ", field '" + (column < fields.length ? RowProblem.shown(fields[column].replace("\"", "").trim())
                    : "column " + (column + 1)) + "'";
        }

        private static TextScan refused(long lines, String why) {
            return new TextScan(lines, null, Optional.of(why));
        }

        /** Whether the byte continues a valid UTF-8 text (RFC 3629: no overlong forms, surrogates or > U+10FFFF). */
        private boolean utf8(int b) {
            if (pending > 0) {
                if (b < low || b > high) {
                    pending = 0;
                    return false;
                }
                pending--;
                low = 0x80;
                high = 0xBF;
                return true;
            }
            if (b < 0x80) {
                return true;
            }
            if (b >= 0xC2 && b <= 0xDF) {
                pending = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                pending = 2;
                low = b == 0xE0 ? 0xA0 : 0x80;
                high = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                pending = 3;
                low = b == 0xF0 ? 0x90 : 0x80;
                high = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                return false;
            }
            return true;
        }

        /** A file that is plainly something else than text, by its first bytes. */
        private static Optional<String> signature(byte[] start, int length) {
            if (length >= 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4) {
                return Optional.of("is a zip file, most likely an Excel workbook: name it .xlsx to import it as one");
            }
            if (length >= 4 && (start[0] & 0xFF) == 0xD0 && (start[1] & 0xFF) == 0xCF && (start[2] & 0xFF) == 0x11
                    && (start[3] & 0xFF) == 0xE0) {
                return Optional.of("is an old Excel workbook (.xls) or another Office file: in Excel, save it as "
                        + "an Excel workbook (.xlsx) or as CSV");
            }
            if (length >= 2 && ((start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE
                    || (start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF)) {
                return Optional.of("is UTF-16 text (Excel's \"Unicode text\"): in Excel, save it as \"CSV UTF-8\"");
            }
            return Optional.empty();
        }
    }
}
