package dk.cmm.stats;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node scripts of {@code api/src/test/node/} (real clients: Chromium through playwright-core, urql,
 * graphql-request) against the running application, and reads the one JSON line each prints last. A test is
 * skipped, with the reason, where node, the npm packages ({@code npm ci --prefix api/src/test/node}) or Chromium
 * are missing.
 */
public final class NodeScripts {

    public static final Path FOLDER = Path.of("src/test/node").toAbsolutePath();
    private static final List<Path> CHROMIUM = List.of(Path.of("/usr/bin/chromium"),
            Path.of("/usr/bin/chromium-browser"));

    private NodeScripts() {
    }

    /** Skips the test unless node and the npm packages are installed. */
    public static void assumeNode(String... packages) {
        assumeTrue(onPath("node"), "node is not installed: the client test is skipped");
        for (String name : packages) {
            assumeTrue(Files.isDirectory(FOLDER.resolve("node_modules").resolve(name)), "npm package " + name
                    + " is not installed (npm ci --prefix api/src/test/node): the client test is skipped");
        }
    }

    /** Debian's Chromium; skips the test where it is missing. */
    public static Path assumeChromium() {
        Path chromium = CHROMIUM.stream().filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(chromium != null, "chromium is not installed: the browser test is skipped");
        return chromium;
    }

    /** Runs {@code node script args...} and returns the JSON object of its last output line. */
    public static Map<String, Object> run(String script, String... args) {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        try {
            Path log = Files.createTempFile("node-", ".log");
            Process process = new ProcessBuilder(command).directory(FOLDER.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(script + " did not finish in 180 s: " + Files.readString(log));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8).strip();
            Files.deleteIfExists(log);
            if (process.exitValue() != 0) {
                throw new AssertionError(script + " failed (exit " + process.exitValue() + "):\n" + output);
            }
            String last = output.substring(output.lastIndexOf('\n') + 1);
            return RawHttp.json(last);
        } catch (IOException e) {
            throw new AssertionError("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(java.io.File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
