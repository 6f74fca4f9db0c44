package dk.cmm.stats.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real spreadsheet program for tests: LibreOffice, headless ({@code soffice --headless --convert-to xlsx}), which
 * loads a file and saves it as its own .xlsx. Tests that need it skip when it is not installed (Debian package
 * {@code libreoffice-calc-nogui} or {@code libreoffice-calc}).
 */
public final class LibreOffice {

    public static final String MISSING = "LibreOffice (soffice) is not installed: skipped the test of a workbook "
            + "saved by a real spreadsheet program (apt-get install libreoffice-calc-nogui to run it)";

    private LibreOffice() {
    }

    public static boolean available() {
        return executable().isPresent();
    }

    /** Loads the file in LibreOffice and saves it as .xlsx into the folder, as LibreOffice writes it. */
    public static Path saveAsXlsx(Path file, Path folder) throws IOException, InterruptedException {
        return saveAsXlsx(file, folder, null);
    }

    /**
     * The same for a CSV file read with an import filter, e.g. {@code CSV:59,34,76,1} (separator ';', quote '"',
     * UTF-8, from line 1).
     */
    public static Path saveAsXlsx(Path file, Path folder, String infilter) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path profile = Files.createTempDirectory("soffice-profile-");
        List<String> command = new java.util.ArrayList<>(List.of(executable().orElseThrow(), "--headless",
                "--norestore", "-env:UserInstallation=" + profile.toUri()));
        if (infilter != null) {
            command.add("--infilter=" + infilter);
        }
        command.addAll(List.of("--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", folder.toString(),
                file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("soffice failed: " + output);
        }
        String name = file.getFileName().toString();
        Path saved = folder.resolve(name.substring(0, name.lastIndexOf('.')) + ".xlsx");
        if (!Files.isRegularFile(saved)) {
            throw new IllegalStateException("soffice wrote no " + saved + ": " + output);
        }
        return saved;
    }

    private static Optional<String> executable() {
        for (String candidate : List.of("/usr/bin/soffice", "/usr/local/bin/soffice",
                "/usr/lib/libreoffice/program/soffice")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
