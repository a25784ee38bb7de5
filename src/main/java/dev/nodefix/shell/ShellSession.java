package dev.nodefix.shell;

import dev.nodefix.report.ExitCode;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * One shell session: its state, and each line carried out. Commands run through the CLI's command tree with the
 * shell's output, so a change made here is journaled and listed like one made by the CLI.
 */
public final class ShellSession {
    /** A line the shell itself refused (bad cd, unknown command, bad switch): it counts as a failure with this code. */
    public static final int SHELL_FAILURE = ExitCode.HOST_FAILED;

    /**
     * Where the session talks to the operator.
     *
     * @param interactive a terminal: commands may ask (confirm, passwords) and show progress and colours
     * @param confirm     asks a yes/no question; false when nobody can answer
     */
    record Io(PrintWriter out, PrintWriter err, boolean interactive, Predicate<String> confirm, CommandRunner runner) {
        Io {
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(err, "err");
            Objects.requireNonNull(confirm, "confirm");
            Objects.requireNonNull(runner, "runner");
        }
    }

    private final Commands commands;
    private final LineTranslator translator;
    private final Io io;
    private final Map<String, String> facts = new HashMap<>();
    private ShellState state;

    ShellSession(Commands commands, LineTranslator translator, ShellState start, Io io) {
        this.commands = commands;
        this.translator = translator;
        this.state = start;
        this.io = io;
    }

    public ShellState state() {
        return state;
    }

    /** Carries out one line: empty when it ends the session, else its exit code (0: it went well). */
    public OptionalInt line(String line) {
        Action action = translator.translate(line, state);
        if (action instanceof Action.Exit) {
            return OptionalInt.empty();
        }
        if (action instanceof Action.Update u) {
            state = u.state();
            say(u.message(), false);
            return OptionalInt.of(ExitCode.OK);
        }
        if (action instanceof Action.Say s) {
            say(s.text(), s.failed());
            return OptionalInt.of(s.failed() ? SHELL_FAILURE : ExitCode.OK);
        }
        return OptionalInt.of(invoke((Action.Invoke) action));
    }

    private void say(String text, boolean failed) {
        if (!text.isEmpty()) {
            PrintWriter to = failed ? io.err() : io.out();
            to.println(text);
            to.flush();
        }
    }

    private int invoke(Action.Invoke invoke) {
        say(invoke.note(), false);
        if (invoke.effect() instanceof Effect.Facts f && !f.refresh() && facts.containsKey(f.key())) {
            io.out().print(facts.get(f.key()));
            io.out().flush();
            if (io.interactive()) {
                say("(collected earlier in this session; facts --refresh collects them again)", false);
            }
            return ExitCode.OK;
        }
        OutputTap out = new OutputTap(io.out());
        OutputTap err = new OutputTap(io.err());
        PrintWriter toOut = new PrintWriter(out, true);
        PrintWriter toErr = new PrintWriter(err, true);
        int code = io.runner().run(() -> execute(invoke.argv(), toOut, toErr), () -> {
            out.detach();
            err.detach();
        });
        remember(invoke.effect(), code, out, err);
        return code;
    }

    private int execute(List<String> argv, PrintWriter out, PrintWriter err) {
        try {
            return commands.run(argv, out, err, io.interactive(), io.confirm());
        } catch (RuntimeException e) { // the command tree maps the commands' failures; this is the shell's own
            err.println("nodefix shell: internal error: " + e);
            err.flush();
            return ExitCode.USAGE;
        }
    }

    private void remember(Effect effect, int code, OutputTap out, OutputTap err) {
        if (effect instanceof Effect.Facts f) {
            facts.remove(f.key());
            if (code == ExitCode.OK) {
                facts.put(f.key(), out.text());
            }
        } else if (effect instanceof Effect.Changes c) {
            facts.clear();
            if (c.records()) {
                // the command's own run is the first RUN line; a later one is a rollback it ran itself
                // (play --rollback-on-failure), which undo must not roll back in turn
                LinkedHashSet<String> ids = new LinkedHashSet<>(out.runs());
                ids.addAll(err.runs());
                ids.stream().findFirst().ifPresent(id -> state = state.withRun(id));
            }
        } else if (effect instanceof Effect.Undoes u) {
            facts.clear();
            if (code == ExitCode.OK && !state.check()) {
                state = state.withoutRun(u.run());
            }
        }
    }

    /** The runs this session made, oldest first (for tests and the goodbye line). */
    public List<String> runs() {
        return state.runs();
    }
}
