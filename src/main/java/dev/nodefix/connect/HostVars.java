package dev.nodefix.connect;

import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Location;
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

    /** The first of {@code names} that is set, as a whole number; a value that is not one is an error. */
    Optional<Sourced<Integer>> integer(String... names) {
        return first(names).map(v -> {
            try {
                return new Sourced<>(Integer.parseInt(v.value().strip()), v.origin());
            } catch (NumberFormatException e) {
                throw new SetupException(v.origin(), "'" + v.value() + "' is not a whole number of seconds");
            }
        });
    }

    Location origin(String name) {
        return origins.of(host, name).orElse(new Location("inventory variable " + name, 0, 0));
    }
}
