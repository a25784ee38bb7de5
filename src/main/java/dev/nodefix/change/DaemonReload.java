package dev.nodefix.change;

import dev.nodefix.transport.Command;
import java.util.Optional;

/** {@code systemctl daemon-reload} after unit files changed; on rollback it runs again after they are restored. */
public record DaemonReload() implements Change {
    @Override
    public String describe() {
        return "systemctl daemon-reload";
    }

    @Override
    public Optional<Change> inverse() {
        return Optional.of(this);
    }

    @Override
    public boolean trigger() {
        return true;
    }

    @Override
    public Command command() {
        return Command.of("systemctl", "daemon-reload");
    }

    @Override
    public String kind() {
        return "daemon-reload";
    }
}
