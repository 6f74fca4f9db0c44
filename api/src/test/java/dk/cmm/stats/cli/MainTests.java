package dk.cmm.stats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The command line lists its subcommands and refuses unknown ones with a clear message. */
class MainTests {

    @Test
    void shouldListTheSubcommandsInTheHelp() {
        Output output = Output.capture(() -> Main.run("--help"));
        assertThat(output.exitCode()).isZero();
        assertThat(output.out()).contains("serve").contains("--server.port=9090");
    }

    @Test
    void shouldRefuseAnUnknownSubcommand() {
        Output output = Output.capture(() -> Main.run("frobnicate"));
        assertThat(output.exitCode()).isEqualTo(2);
        assertThat(output.err()).contains("Unmatched argument").contains("frobnicate");
    }

    /** What a command printed and returned. */
    record Output(int exitCode, String out, String err) {

        static Output capture(java.util.function.IntSupplier command) {
            PrintStream originalOut = System.out;
            PrintStream originalErr = System.err;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                int code = command.getAsInt();
                return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(originalOut);
                System.setErr(originalErr);
            }
        }
    }
}
