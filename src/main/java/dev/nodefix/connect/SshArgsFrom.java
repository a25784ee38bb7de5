package dev.nodefix.connect;

import dev.nodefix.inventory.Location;
import dev.nodefix.inventory.Sourced;
import dev.nodefix.inventory.SshArgs;
import java.util.Optional;

/** ssh arguments Ansible puts on ssh's command line (ssh_args, ssh_common_args) and where they were written. */
record SshArgsFrom(SshArgs args, Location origin) {
    static final SshArgsFrom NONE = new SshArgsFrom(SshArgs.NONE, new Location("nowhere", 0, 0));

    static SshArgsFrom of(Optional<Sourced<String>> text) {
        if (text.isEmpty()) {
            return NONE;
        }
        try {
            return new SshArgsFrom(SshArgs.parse(text.get().value()), text.get().origin());
        } catch (SshArgs.BadArgs e) {
            throw new SetupException(text.get().origin(), e.getMessage());
        }
    }

    <T> Optional<Sourced<T>> sourced(Optional<T> value) {
        return value.map(v -> new Sourced<>(v, origin));
    }
}
