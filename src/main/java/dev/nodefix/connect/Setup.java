package dev.nodefix.connect;

import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.inventory.Location;
import dev.nodefix.inventory.InventoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.nodefix.vault.Vaulted;

/**
 * The operator's setup as nodefix reads it: the inventory sources read, the inventory with every host's connection
 * merged from all sources, each host's {@link EffectiveConnection} on request (for {@code inventory --explain}),
 * notices to print once on stderr (a skipped ansible.cfg, host_key_checking = False), and ansible.cfg's forks and
 * {@code [ssh_connection] retries} when it sets them.
 */
public record Setup(List<Path> sources, Inventory inventory, Function<String, EffectiveConnection> explain,
        List<String> notices, Optional<Integer> forks, Optional<Integer> connectRetries, Function<Vaulted, String> unvault,
        Prompts prompts) {
    /** ansible.cfg's {@code ask_pass} and {@code become_ask_pass}: prompt as {@code -k} and {@code -K} would. */
    public record Prompts(boolean loginPassword, boolean becomePassword) {
        public static final Prompts NONE = new Prompts(false, false);
    }

    /** The variables a host's sudo password may be in, as Ansible's sudo plugin reads them (the last listed wins). */
    private static final List<String> BECOME_PASSWORDS = List.of("ansible_sudo_pass", "ansible_become_pass",
            "ansible_become_password");
    private static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    public Setup {
        sources = List.copyOf(sources);
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(explain, "explain");
        notices = List.copyOf(notices);
        Objects.requireNonNull(forks, "forks");
        Objects.requireNonNull(connectRetries, "connectRetries");
        Objects.requireNonNull(unvault, "unvault");
        Objects.requireNonNull(prompts, "prompts");
    }

    /**
     * The host's sudo password from its inventory: a vaulted {@code ansible_become_password} decrypted now, or one that
     * is exactly {@code {{ other_variable }}} (the usual "vault_" indirection) resolved to that variable; any other
     * template is refused with where it was written. Empty when the inventory gives none.
     */
    public Optional<String> becomePassword(Host host) {
        for (String name : BECOME_PASSWORDS) {
            if (host.vars().get(name) != null) {
                return Optional.of(secret(host, name, 0));
            }
        }
        return Optional.empty();
    }

    private String secret(Host host, String name, int depth) {
        Object value = host.vars().get(name);
        Location at = host.origin(name).orElse(new Location("inventory variable " + name, 0, 0));
        if (value instanceof Vaulted vaulted) {
            return unvault.apply(vaulted);
        }
        String text = String.valueOf(value);
        Matcher reference = REFERENCE.matcher(text.strip());
        if (reference.matches() && depth < 8) {
            String other = reference.group(1);
            if (host.vars().get(other) == null) {
                throw new SetupException(at, name + " refers to " + other + ", which " + host.name() + " does not have");
            }
            return secret(host, other, depth + 1);
        }
        if (text.contains("{{")) {
            throw new SetupException(at, name + ": nodefix understands a vaulted value or exactly {{ variable }} here,"
                    + " not other templates");
        }
        return text;
    }

    /** Every connection setting of one inventory host with where it came from. */
    public EffectiveConnection connection(String host) {
        if (inventory.host(host).isEmpty()) {
            throw new InventoryException("no host '" + host + "' in " + inventory.source());
        }
        return explain.apply(host);
    }
}
