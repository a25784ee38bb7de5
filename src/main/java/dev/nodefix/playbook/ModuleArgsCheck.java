package dev.nodefix.playbook;

import dev.nodefix.inventory.DidYouMean;
import dev.nodefix.module.ArgException;
import dev.nodefix.module.Module;
import dev.nodefix.module.Param;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A task's module arguments: a mapping (or nothing; {@code command} also takes its shell line as a plain text).
 * Every {@code {{ }}} in them is checked against the scope. Without any, the module binds a copy of them
 * ({@link Module#invoke}), so its own validation runs now; with some, only the keys are checked (declared,
 * required ones present), as the values are known per host.
 */
final class ModuleArgsCheck {
    private final PlaybookYaml yaml;
    private final ExpressionCheck check;

    ModuleArgsCheck(PlaybookYaml yaml, ExpressionCheck check) {
        this.yaml = yaml;
        this.check = check;
    }

    Map<String, Object> check(Module<?> module, PlaybookYaml.Entry entry, Scope scope) {
        Node node = entry.valueNode();
        Map<String, Node> keyNodes = new LinkedHashMap<>();
        Map<String, Object> raw = new LinkedHashMap<>();
        if (node instanceof MappingNode mapping) {
            yaml.entries(mapping).forEach(e -> {
                keyNodes.put(e.key(), e.keyNode());
                raw.put(e.key(), yaml.value(e.valueNode()));
            });
        } else if (module.name().equals("command") && PlaybookYaml.text(node).isPresent()) {
            keyNodes.put("cmd", node);
            raw.put("cmd", yaml.value(node));
        } else if (node instanceof ScalarNode && !PlaybookYaml.coreScalar(node)) {
            yaml.value(node);
            return Map.of();
        } else if (!(node instanceof ScalarNode s && s.getTag().equals(Tag.NULL))) {
            yaml.problem(node, module.name() + ": expected a mapping of arguments, got " + PlaybookYaml.describe(node));
            return Map.of();
        }
        boolean templated = templates(module.name(), node, scope);
        if (templated) {
            keysOnly(module, raw, keyNodes, entry.keyNode());
        } else {
            bind(module, raw, keyNodes, entry.keyNode());
        }
        return raw;
    }

    /** Checks every {@code {{ }}} under {@code node}; whether there was any. */
    private boolean templates(String module, Node node, Scope scope) {
        if (node instanceof MappingNode mapping) {
            boolean any = false;
            for (org.snakeyaml.engine.v2.nodes.NodeTuple t : mapping.getValue()) {
                any |= templates(module, t.getValueNode(), scope);
            }
            return any;
        }
        if (node instanceof SequenceNode seq) {
            boolean any = false;
            for (Node item : seq.getValue()) {
                any |= templates(module, item, scope);
            }
            return any;
        }
        Optional<String> text = PlaybookYaml.text(node).filter(t -> t.contains("{{"));
        text.ifPresent(t -> check.template(t, scope.names()).forEach(p -> yaml.problem(node, module + ": " + p)));
        return text.isPresent();
    }

    private void bind(Module<?> module, Map<String, Object> raw, Map<String, Node> keyNodes, Node moduleKey) {
        try {
            module.invoke(new LinkedHashMap<>(raw));
        } catch (ArgException e) {
            Node at = keyNodes.getOrDefault(e.key(), keyNodes.get(e.key().replaceFirst("\\..*", "")));
            yaml.problem(at == null ? moduleKey : at, e.getMessage());
        } catch (IllegalArgumentException e) {
            yaml.problem(moduleKey, module.name() + ": " + e.getMessage());
        }
    }

    private void keysOnly(Module<?> module, Map<String, Object> raw, Map<String, Node> keyNodes, Node moduleKey) {
        Set<String> declared = module.params().stream().map(Param::name)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        raw.keySet().stream().filter(k -> !declared.contains(k)).forEach(k -> yaml.problem(keyNodes.get(k),
                new ArgException(module.name(), k, "unknown argument" + DidYouMean.hint(k, declared) + "; "
                        + module.name() + " takes " + String.join(", ", declared)).getMessage()));
        List<Param> missing = module.params().stream().filter(p -> p.required() && raw.get(p.name()) == null).toList();
        missing.forEach(p -> yaml.problem(moduleKey, new ArgException(module.name(), p.name(),
                "required argument is missing (" + p.description() + ")").getMessage()));
    }
}
