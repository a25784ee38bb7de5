package dev.nodefix.change;

import dev.nodefix.transport.Command;
import java.util.Objects;
import java.util.Optional;

/**
 * The escape hatch: a shell command nodefix cannot see into. Reversible only through an explicit
 * {@code undo} command; without one rollback names it as irreversible before it starts.
 */
public record CommandChange(String script, Optional<String> undo) implements Change {
    public CommandChange {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(undo, "undo");
    }

    @Override
    public String describe() {
        return "run: " + script + (undo.isPresent() ? "" : " (irreversible: no undo)");
    }

    @Override
    public Optional<Change> inverse() {
        return undo.map(u -> new CommandChange(u, Optional.of(script)));
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
