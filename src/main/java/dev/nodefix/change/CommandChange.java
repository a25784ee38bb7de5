package dev.nodefix.change;

import dev.nodefix.transport.Command;
import java.util.Objects;
import java.util.Optional;

/**
 * The escape hatch: a shell command nodefix cannot see into. Reversible only through an explicit
 * {@code undo} command; without one rollback names it as irreversible before it starts.
 *
 * @param changedWhen an expression over the command's {@code rc}, {@code stdout} and {@code stderr}: when it is
 *                    false after the command ran, the command changed nothing (reported ok, journaled unchanged,
 *                    and left alone by rollback)
 * @param undoChangedWhen the changed_when of the command this one undoes, kept so that undoing an undo (a
 *                    rollback of a rollback) gives back the original command exactly; not applied to this one
 */
public record CommandChange(String script, Optional<String> undo, Optional<String> changedWhen,
                            Optional<String> undoChangedWhen) implements Change {
    public CommandChange {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(undo, "undo");
        Objects.requireNonNull(changedWhen, "changedWhen");
        Objects.requireNonNull(undoChangedWhen, "undoChangedWhen");
    }

    public CommandChange(String script, Optional<String> undo) {
        this(script, undo, Optional.empty(), Optional.empty());
    }

    public CommandChange(String script, Optional<String> undo, Optional<String> changedWhen) {
        this(script, undo, changedWhen, Optional.empty());
    }

    @Override
    public String describe() {
        return "run: " + script + (undo.isPresent() ? "" : " (irreversible: no undo)");
    }

    @Override
    public Optional<Change> inverse() {
        return undo.map(u -> new CommandChange(u, Optional.of(script), undoChangedWhen, changedWhen));
    }

    @Override
    public Command command() {
        return Command.shell(script);
    }

    @Override
    public String kind() {
        return "command";
    }
}
