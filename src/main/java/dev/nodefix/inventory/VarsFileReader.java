package dev.nodefix.inventory;

import dev.nodefix.vault.Vaulted;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads one group_vars or host_vars file (YAML or JSON) into variables, each located at its key. An
 * empty file holds nothing; a file that is not a mapping is an error; a whole-file vaulted one
 * ({@code $ANSIBLE_VAULT;} first) is decrypted with the {@link VaultOpener} and then read.
 */
final class VarsFileReader {
    static final String VAULT_HEADER = "$ANSIBLE_VAULT;";

    private final VaultOpener vault;
    private final VariableRules rules = new VariableRules();

    VarsFileReader(VaultOpener vault) {
        this.vault = vault;
    }

    Map<String, Var> read(Path file) {
        String label = file.toString();
        String text = YamlDocument.read(file, label);
        if (text.startsWith(VAULT_HEADER)) {
            text = vault.open(new Vaulted(text, new Location(label, 1, 1)), label);
            label = label + " (decrypted)";
        }
        YamlNodes yaml = new YamlNodes(label);
        Optional<Node> root = YamlDocument.compose(text, label);
        Map<String, Var> vars = new LinkedHashMap<>();
        if (root.isEmpty() || root.get() instanceof ScalarNode && yaml.value(root.get()) == null) {
            return vars;
        }
        if (!(root.get() instanceof MappingNode mapping)) {
            throw yaml.error(root.get(), "a vars file must hold a mapping of variable names to values, found "
                    + yaml.describe(root.get()));
        }
        for (YamlNodes.Entry entry : yaml.entries(mapping)) {
            if (!(entry.key() instanceof String name) || name.isEmpty()) {
                throw new InventoryException(entry.location(), "a variable name must be a non-empty string, found "
                        + yaml.describe(entry.keyNode()));
            }
            Object value = yaml.value(entry.valueNode());
            rules.check(name, value, entry.location());
            vars.put(name, new Var(value, entry.location()));
        }
        return vars;
    }
}
