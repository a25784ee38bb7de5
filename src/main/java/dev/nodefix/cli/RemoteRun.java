package dev.nodefix.cli;

import dev.nodefix.connect.Setup;
import dev.nodefix.engine.AdHoc;
import dev.nodefix.engine.BecomeRule;
import dev.nodefix.engine.HostRun;
import dev.nodefix.engine.RunSummary;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.report.AdHocReport;
import dev.nodefix.report.ExitCode;
import dev.nodefix.report.Progress;
import dev.nodefix.report.RunJson;
import dev.nodefix.report.RunReport;
import dev.nodefix.report.Style;
import dev.nodefix.secret.Secret;
import dev.nodefix.transport.Command;
import dev.nodefix.transport.EnvironmentSecrets;
import dev.nodefix.transport.SecretSource;
import dev.nodefix.transport.TransportFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The shared path of ping and run: load, select, resolve secrets, fan out one command, summarise. */
final class RemoteRun {
    record Outcome(List<HostRun> runs, RunSummary summary) {
        int exitCode() {
            if (summary.anyFailed()) {
                return ExitCode.HOST_FAILED;
            }
            return summary.anyUnreachable() ? ExitCode.HOST_UNREACHABLE : ExitCode.OK;
        }
    }

    private final CliContext ctx;

    RemoteRun(CliContext ctx) {
        this.ctx = ctx;
    }

    Outcome run(InventoryOptions inv, ConnectionOptions conn, BecomeOptions become, Command command) {
        return run(inv, conn, become, (all, host) -> command);
    }

    /** One command per host: {@code commandFor} gets every host of the inventory (not only the selected) and the host. */
    Outcome run(InventoryOptions inv, ConnectionOptions conn, BecomeOptions become,
            BiFunction<Collection<Host>, Host, Command> commandFor) {
        Setup setup = inv.setup(ctx, conn, become);
        Inventory inventory = setup.inventory();
        Collection<Host> all = inventory.hosts().values();
        List<Host> hosts = inv.select(inventory);
        Session session = session(setup, conn, become);
        BecomeRule rule = session.become();
        Instant start = ctx.clock().instant();
        AdHoc adHoc = new AdHoc(session.factory(), conn.forks(inv.setup(ctx).forks()));
        Progress progress = new Progress(ctx.err(), hosts.size(), ctx.interactive());
        List<HostRun> runs = adHoc.run(hosts, host -> commandFor.apply(all, host).withBecome(rule.forHost(host)),
                run -> progress.done(run.ok(), !(run instanceof HostRun.Unreachable)));
        progress.clear();
        Duration elapsed = Duration.between(start, ctx.clock().instant());
        return new Outcome(runs, RunSummary.of(runs, elapsed));
    }

    /** How this command reaches hosts: the transport factory with its secrets, and the become rule. */
    record Session(TransportFactory factory, BecomeRule become) {
    }

    /** Sudo passwords: a host's vaulted ansible_become_password first, else -K or NODEFIX_BECOME_PASSWORD. */
    Session session(Setup setup, ConnectionOptions conn, BecomeOptions become) {
        SecretSource secrets = secrets(conn.askPass() || setup.prompts().loginPassword(),
                become.askBecomePass() || setup.prompts().becomePassword());
        Optional<Secret> sudoPassword = secrets.get(SecretSource.Kind.BECOME_PASSWORD, "sudo");
        return new Session(ctx.transports().apply(conn.settings(ctx.home(), secrets, setup.connectRetries()).withAgentFrom(ctx.env())),
                become.rule(sudoPassword, host -> setup.becomePassword(host).map(Secret::of)));
    }

    /** Prints an outcome as JSON when --json asks for it, else with the command's text report; returns the exit code. */
    int print(Outcome outcome, OutputOptions output, Function<Style, RunReport> text) {
        if (output.json()) {
            ctx.out().println(new RunJson().render(outcome.runs(), outcome.summary()));
            ctx.out().flush();
        } else {
            text.apply(output.style(ctx.env(), ctx.interactive())).print(ctx.out(), outcome.runs(), outcome.summary());
        }
        return outcome.exitCode();
    }

    /** {@code run -a CMD}: the shell command on every selected host, printed as an ad-hoc report (or JSON). */
    int shell(String commandLine, ChangingOptions options) {
        return print(run(options.inventory, options.connection, options.become, Command.shell(commandLine)),
                options.output, AdHocReport::new);
    }

    /** Secrets come from the environment first; the terminal is asked only for what an option asked for. */
    private SecretSource secrets(boolean askPass, boolean askBecomePass) {
        SecretSource env = new EnvironmentSecrets(ctx.env());
        return (kind, subject) -> env.get(kind, subject).or(() -> {
            boolean allowed = switch (kind) {
                case LOGIN_PASSWORD -> askPass;
                case BECOME_PASSWORD -> askBecomePass;
                case KEY_PASSPHRASE -> ctx.interactive();
                case VAULT_PASSWORD -> false;
            };
            return allowed ? ctx.prompts().get(kind, subject) : Optional.empty();
        });
    }
}
