package dk.cmm.stats.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dk.cmm.stats.security.Actors;
import dk.cmm.stats.security.ApiToken;
import dk.cmm.stats.security.ApiTokens;
import dk.cmm.stats.security.AuditLog;
import dk.cmm.stats.security.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cmm-stats token create|list|revoke}: API tokens for analysts, caseworkers and admins. The command line is
 * trusted local access (whoever can run it can read the database files), so it needs no token itself; every change
 * is audited under the local user's name.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Manage API tokens (sent as 'Authorization: Bearer ...').",
        subcommands = { TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class })
final class TokenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Make a token and print it once; only its hash is stored.")
    static final class Create extends SpringCommand implements Callable<Integer> {

        @Option(names = "--role", required = true, description = "analyst, caseworker or admin")
        String role;

        @Option(names = "--name", required = true, description = "who holds it, e.g. \"Politiken data desk\"")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Role parsed;
            try {
                parsed = Role.parse(role);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("cmm-stats: unknown role '" + role
                        + "': use analyst, caseworker or admin");
                return 2;
            }
            try (ConfigurableApplicationContext context = startBatch()) {
                ApiTokens.Issued issued = context.getBean(ApiTokens.class).create(name, parsed, Actors.LOCAL);
                context.getBean(AuditLog.class).record(Actors.LOCAL, "LOCAL", "TOKEN_CREATE",
                        List.of(issued.token().id()), AuditLog.Outcome.OK);
                PrintWriter out = spec.commandLine().getOut();
                out.println("Token " + issued.token().id() + " for '" + issued.token().name() + "' ("
                        + parsed.name().toLowerCase(java.util.Locale.ROOT) + "):");
                out.println(issued.secret());
                out.println("It is shown only now: keep it secret. Send it as 'Authorization: Bearer <token>'.");
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
    static final class ListTokens extends SpringCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = startBatch()) {
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%-12s  %-10s  %-16s  %-16s  %s%n", "id", "role", "created", "revoked", "name");
                for (ApiToken token : context.getBean(ApiTokens.class).list()) {
                    out.printf("%-12s  %-10s  %-16s  %-16s  %s%n", token.id(),
                            token.role().name().toLowerCase(java.util.Locale.ROOT), TIME.format(token.createdAt()),
                            token.revokedAt() == null ? "-" : TIME.format(token.revokedAt()), token.name());
                }
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a token: it stops working at once.")
    static final class Revoke extends SpringCommand implements Callable<Integer> {

        @Parameters(paramLabel = "ID", description = "the token's id, as 'token list' shows it")
        String id;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = startBatch()) {
                Optional<ApiToken> revoked = context.getBean(ApiTokens.class).revoke(id);
                if (revoked.isEmpty()) {
                    spec.commandLine().getErr().println("cmm-stats: no token with id '" + id + "'");
                    return 1;
                }
                context.getBean(AuditLog.class).record(Actors.LOCAL, "LOCAL", "TOKEN_REVOKE", List.of(id),
                        AuditLog.Outcome.OK);
                spec.commandLine().getOut().println("Token " + id + " ('" + revoked.get().name()
                        + "') is revoked.");
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }
}
