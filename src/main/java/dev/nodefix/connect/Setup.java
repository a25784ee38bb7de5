package dev.nodefix.connect;

import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.inventory.InventoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import dev.nodefix.vault.Vaulted;

/**
 * The operator's setup as nodefix reads it: the inventory sources read, the inventory with every host's connection
 * merged from all sources, each host's {@link EffectiveConnection} on request (for {@code inventory --explain}),
 * notices to print once on stderr (a skipped ansible.cfg, host_key_checking = False), and ansible.cfg's forks
 * when it sets them.
 */
public record Setup(List<Path> sources, Inventory inventory, Function<String, EffectiveConnection> explain,
        List<String> notices, Optional<Integer> forks, Function<Vaulted, String> unvault) {
    /** The variables a host's sudo password may be in, as Ansible reads them, first found wins. */
    private static final List<String> BECOME_PASSWORDS = List.of("ansible_become_password", "ansible_become_pass",
            "ansible_sudo_password", "ansible_sudo_pass");

    public Setup {
        sources = List.copyOf(sources);
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(explain, "explain");
        notices = List.copyOf(notices);
        Objects.requireNonNull(forks, "forks");
        Objects.requireNonNull(unvault, "unvault");
    }

    /**
     * The host's sudo password from its inventory (a vaulted {@code ansible_become_password}, decrypted now; the
     * inventory reader refuses plain ones), or empty.
     */
    public Optional<String> becomePassword(Host host) {
        for (String name : BECOME_PASSWORDS) {
            if (host.vars().get(name) instanceof Vaulted vaulted) {
                return Optional.of(unvault.apply(vaulted));
            }
        }
        return Optional.empty();
    }

    /** Every connection setting of one inventory host with where it came from. */
    public EffectiveConnection connection(String host) {
        if (inventory.host(host).isEmpty()) {
            throw new InventoryException("no host '" + host + "' in " + inventory.source());
        }
        return explain.apply(host);
    }
}
