package dev.nodefix.connect;

import dev.nodefix.ansiblecfg.AnsibleConfig;
import dev.nodefix.inventory.Sourced;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Which inventories to read: {@code -i} (several allowed), else {@code NODEFIX_INVENTORY}, else what Ansible would
 * read ({@code ANSIBLE_INVENTORY}, else ansible.cfg's {@code inventory}), else {@code inventory/hosts.yaml}, else
 * Ansible's own default {@code /etc/ansible/hosts} when it exists. Paths on the command line and in
 * {@code NODEFIX_INVENTORY} are kept as written (messages name them so); ansible.cfg's are resolved as Ansible does.
 */
public final class InventorySources {
    public static final String DEFAULT = "inventory/hosts.yaml";
    private static final Path ANSIBLE_DEFAULT = Path.of("/etc/ansible/hosts");

    private InventorySources() {}

    public static List<Sourced<Path>> choose(List<Path> given, Map<String, String> env, AnsibleConfig cfg,
            Path workingDir) {
        if (!given.isEmpty()) {
            return given.stream().map(p -> Sourced.from(p, "-i/--inventory")).toList();
        }
        String nodefix = env.get("NODEFIX_INVENTORY");
        if (nodefix != null && !nodefix.isBlank()) {
            return List.of(Sourced.from(Path.of(nodefix), "NODEFIX_INVENTORY"));
        }
        if (!cfg.inventory().isEmpty()) {
            return cfg.inventory();
        }
        Path local = workingDir.resolve(DEFAULT);
        if (!Files.exists(local) && Files.exists(ANSIBLE_DEFAULT)) {
            return List.of(Sourced.byDefault(ANSIBLE_DEFAULT, "Ansible's"));
        }
        return List.of(Sourced.byDefault(Path.of(DEFAULT), "nodefix's"));
    }
}
