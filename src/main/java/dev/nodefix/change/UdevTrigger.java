package dev.nodefix.change;

import dev.nodefix.transport.Command;
import java.util.Objects;
import java.util.Optional;

/**
 * Reload udev rules and replay a "change" event for one network device, so a new or removed rule takes
 * effect now (what kops does after writing its flannel rule); on rollback it runs again after the rule is restored.
 */
public record UdevTrigger(String iface) implements Change {
    private static final String RUN = "udevadm control --reload-rules || exit\n"
            + "ip link show dev \"$1\" >/dev/null 2>&1 || exit 0\n"
            + "udevadm trigger --action=change --subsystem-match=net --sysname-match=\"$1\"";

    public UdevTrigger {
        Objects.requireNonNull(iface, "iface");
    }

    @Override
    public String describe() {
        return "udevadm reload rules, trigger change on " + iface;
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
        return Command.of("/bin/sh", "-c", RUN, "nodefix-udev", iface);
    }

    @Override
    public String kind() {
        return "udev-trigger";
    }
}
