package dev.nodefix.connect;

import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Location;
import dev.nodefix.inventory.Ports;
import dev.nodefix.inventory.Sourced;
import dev.nodefix.vault.Vaulted;
import java.util.Optional;
import java.util.function.Function;

/**
 * A host's merged inventory variables read as connection settings, each with the file and line that set it; a
 * vaulted one is decrypted (the inventory reader already did so once, so the password is known by then).
 */
record HostVars(Host host, VarOrigins origins, Function<Vaulted, String> unvault) {

    /** The first of {@code names} that is set and not blank, as text. */
    Optional<Sourced<String>> first(String... names) {
        for (String name : names) {
            Optional<Sourced<String>> value = text(name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    Optional<Sourced<String>> text(String name) {
        Object value = host.vars().get(name);
        if (value instanceof Vaulted vaulted) {
            value = unvault.apply(vaulted);
        }
        if (value == null || value.toString().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Sourced<>(value.toString(), origin(name)));
    }

    /** The first of {@code names} that is set, as a whole number of seconds; another value is an error. */
    Optional<Sourced<Integer>> integer(String... names) {
        for (String name : names) {
            Optional<Sourced<String>> value = text(name);
            if (value.isPresent()) {
                boolean secret = host.vars().get(name) instanceof Vaulted;
                return Optional.of(seconds(value.get(), secret));
            }
        }
        return Optional.empty();
    }

    /** A ConnectTimeout value as seconds; a value that is not a whole number is an error naming where it was set. */
    static Sourced<Integer> seconds(Sourced<String> value) {
        return seconds(value, false);
    }

    private static Sourced<Integer> seconds(Sourced<String> value, boolean secret) {
        try {
            return new Sourced<>(Integer.parseInt(value.value().strip()), value.origin());
        } catch (NumberFormatException e) {
            throw new SetupException(value.origin(), (secret ? "the decrypted value" : "'" + value.value() + "'")
                    + " is not a whole number of seconds");
        }
    }

    /** A Port value from ssh arguments; a value that is not a port is an error naming where it was set. */
    static Sourced<Integer> port(Sourced<String> value) {
        return new Sourced<>(Ports.parse(value.value()).orElseThrow(() -> new SetupException(value.origin(),
                "Port must be a number from 1 to 65535, found '" + value.value() + "'")), value.origin());
    }

    Location origin(String name) {
        return origins.of(host, name).orElse(new Location("inventory variable " + name, 0, 0));
    }
}
