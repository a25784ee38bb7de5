package dev.nodefix.modules;

import dev.nodefix.change.CommandChange;
import dev.nodefix.module.Args;
import dev.nodefix.module.Module;
import dev.nodefix.module.Param;
import dev.nodefix.module.ParamType;
import dev.nodefix.module.Plan;
import dev.nodefix.query.FileState;
import dev.nodefix.query.NodeState;
import dev.nodefix.query.Query;
import dev.nodefix.transport.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code command}: the escape hatch, one shell line run with {@code sh -c} ({@code cmd}, or the free form
 * {@code command: "..."}), or a list of words ({@code argv}) that reaches the node quoted once, so no shell
 * expansion, substitution, splitting or globbing touches any word, whatever a {@code {{ }}} put in it (plain words
 * run without a shell at all). {@code creates}/{@code removes}
 * make it idempotent (skipped when that regular file exists / does not exist; a directory there is an error,
 * as nodefix reads only files); {@code undo} makes it reversible, and without it rollback names it as
 * irreversible before it starts.
 */
public final class ShellCommand implements Module<ShellCommand.CommandArgs> {
    public record CommandArgs(String cmd, Optional<String> creates, Optional<String> removes, Optional<String> undo,
                              Optional<String> changedWhen) {
        public CommandArgs {
            if (cmd.isBlank() || cmd.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("cmd must be a non-empty shell line");
            }
            Objects.requireNonNull(creates, "creates");
            Objects.requireNonNull(removes, "removes");
            if (undo.filter(u -> u.isBlank() || u.indexOf('\0') >= 0).isPresent()) {
                throw new IllegalArgumentException("undo must be a non-empty shell line");
            }
        }
    }

    @Override
    public String name() {
        return "command";
    }

    @Override
    public String description() {
        return "Run a shell line (sh -c) or an argv list (no shell expansion); creates/removes make it idempotent,"
                + " undo makes it reversible.";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.optional("cmd", ParamType.STRING, "the shell line to run (sh -c); or give argv"),
                Param.optional("argv", ParamType.SCALARS,
                        "the command as a list of words, each passed as it is (no shell expansion); or give cmd"),
                Param.optional("creates", ParamType.PATH, "a regular file: skip when it exists"),
                Param.optional("removes", ParamType.PATH, "a regular file: skip when it does not exist"),
                Param.optional("undo", ParamType.STRING, "the shell line that undoes cmd (without it: irreversible)"),
                Param.optional("changed_when", ParamType.STRING,
                        "an expression over rc, stdout, stderr: false means the command changed nothing"));
    }

    @Override
    public CommandArgs bind(Args args) {
        for (String key : List.of("cmd", "undo")) {
            if (args.optionalString(key).filter(s -> s.isBlank() || s.indexOf('\0') >= 0).isPresent()) {
                throw args.error(key, "expected a shell line, got an empty one");
            }
        }
        Optional<String> changedWhen = args.optionalString("changed_when");
        changedWhen.ifPresent(expr -> {
            try {
                new dev.nodefix.expr.Expressions().check(expr);
            } catch (dev.nodefix.expr.ExpressionException e) {
                throw args.error("changed_when", e.getMessage());
            }
        });
        args.exclusive("cmd", "argv");
        String cmd = args.has("argv") ? argvLine(args) : args.optionalString("cmd")
                .orElseThrow(() -> args.error("cmd", "required argument is missing (cmd: a shell line, or argv: a list of"
                        + " words)"));
        return new CommandArgs(cmd, args.optionalString("creates"), args.optionalString("removes"),
                args.optionalString("undo"), changedWhen);
    }

    /** The words of {@code argv}, each quoted once for a POSIX shell: the shell only runs them, as they are. */
    private static String argvLine(Args args) {
        Object value = args.optionalScalars("argv").orElseThrow();
        if (!(value instanceof List<?> words) || words.isEmpty()) {
            throw args.error("argv", "expected a list of words ([logger, \"{{ msg }}\"]), got " + value);
        }
        List<String> quoted = new ArrayList<>();
        for (Object word : words) {
            String text = String.valueOf(word);
            if (text.indexOf('\0') >= 0) {
                throw args.error("argv", "a word holds a NUL character");
            }
            quoted.add(Command.quote(text));
        }
        if (String.valueOf(words.get(0)).isBlank()) {
            throw args.error("argv", "the first word (the program) is empty");
        }
        return String.join(" ", quoted);
    }

    @Override
    public List<Query> reads(CommandArgs args) {
        List<Query> reads = new ArrayList<>();
        args.creates().ifPresent(p -> reads.add(new Query.File(p)));
        args.removes().filter(p -> !args.creates().equals(Optional.of(p))).ifPresent(p -> reads.add(new Query.File(p)));
        return reads;
    }

    @Override
    public Plan plan(CommandArgs args, NodeState state) {
        Optional<String> created = args.creates().filter(p -> state.file(p) instanceof FileState.Present);
        if (created.isPresent()) {
            return new Plan.NoOp(created.get() + " exists (creates)");
        }
        Optional<String> gone = args.removes().filter(p -> state.file(p) instanceof FileState.Absent);
        if (gone.isPresent()) {
            return new Plan.NoOp(gone.get() + " does not exist (removes)");
        }
        return new Plan.Changes(List.of(new CommandChange(args.cmd(), args.undo(), args.changedWhen())));
    }
}
