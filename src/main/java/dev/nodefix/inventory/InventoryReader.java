package dev.nodefix.inventory;

import java.util.List;
import java.util.OptionalInt;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Walks the YAML inventory structure as Ansible's {@code yaml} inventory plugin does: top-level keys are
 * groups; a group may hold {@code hosts}, {@code vars} and {@code children} (themselves groups, at any
 * depth); host keys may carry ranges and a port. Where Ansible only warns (an unknown key, a group that
 * is not a mapping) nodefix stops with the location and a suggestion.
 */
final class InventoryReader {
    private static final List<String> SECTIONS = List.of("hosts", "vars", "children");

    private final YamlNodes yaml;
    private final InventoryBuilder builder;
    private final VariableRules rules = new VariableRules();

    InventoryReader(YamlNodes yaml, InventoryBuilder builder) {
        this.yaml = yaml;
        this.builder = builder;
    }

    void read(Node root) {
        if (!(root instanceof MappingNode top) || top.getValue().isEmpty()) {
            if (root instanceof MappingNode || isNull(root)) {
                throw yaml.error(root, "the inventory is empty");
            }
            throw yaml.error(root, "an inventory must be a mapping of group names, found " + yaml.describe(root));
        }
        for (YamlNodes.Entry entry : yaml.entries(top)) {
            if ("plugin".equals(entry.key()) && yaml.value(entry.valueNode()) != null) {
                throw new InventoryException(entry.location(), "this is an inventory plugin configuration;"
                        + " nodefix reads YAML inventories (groups with hosts, vars and children) only");
            }
            readGroup(entry);
        }
    }

    private String readGroup(YamlNodes.Entry entry) {
        String group = name(entry, "group");
        Node body = entry.valueNode();
        if (!(body instanceof MappingNode mapping)) {
            if (!isNull(body)) {
                throw yaml.error(body, "group '" + group + "' must be a mapping with 'hosts', 'vars' or 'children',"
                        + " or empty; found " + yaml.describe(body));
            }
            builder.addGroup(group);
            return group;
        }
        builder.addGroup(group);
        for (YamlNodes.Entry section : yaml.entries(mapping)) {
            String key = section.key() instanceof String s ? s : String.valueOf(section.key());
            if (!SECTIONS.contains(key)) {
                throw new InventoryException(section.location(), "unknown key '" + key + "' in group '" + group + "'"
                        + DidYouMean.closest(key, SECTIONS).map(s -> ": did you mean '" + s + "'?").orElse("")
                        + " (a group holds only 'hosts', 'vars' and 'children')");
            }
            readSection(group, key, section.valueNode());
        }
        return group;
    }

    private void readSection(String group, String section, Node body) {
        if (isNull(body)) {
            return;
        }
        if (!(body instanceof MappingNode mapping)) {
            throw yaml.error(body, notAMapping(group, section, body));
        }
        for (YamlNodes.Entry entry : yaml.entries(mapping)) {
            switch (section) {
                case "vars" -> groupVar(group, entry);
                case "children" -> builder.addChild(group, readGroup(entry), entry.location());
                default -> readHosts(group, entry);
            }
        }
    }

    private String notAMapping(String group, String section, Node body) {
        String found = yaml.describe(body);
        String advice = switch (section) {
            case "hosts" -> body instanceof ScalarNode
                    ? "; a host name needs a trailing ':' (write each host on its own line as 'name:')"
                    : "; write each host as 'name:' rather than '- name'";
            case "children" -> "; write each child group as 'name:'";
            default -> "; write each variable as 'name: value'";
        };
        return "'" + section + "' of group '" + group + "' must be a mapping, found " + found + advice;
    }

    private void groupVar(String group, YamlNodes.Entry entry) {
        String name = name(entry, "variable");
        Object value = yaml.value(entry.valueNode());
        if (name.equals("ansible_group_priority")) {
            builder.setPriority(group, priority(value, entry));
            return;
        }
        rules.check(name, value, entry.location());
        builder.setGroupVar(group, name, new Var(value, entry.location()));
    }

    private void readHosts(String group, YamlNodes.Entry entry) {
        if (!(entry.key() instanceof String pattern)) {
            throw new InventoryException(entry.location(), "host name " + yaml.describe(entry.keyNode())
                    + " must be a string; enclose it in quotes");
        }
        Node body = entry.valueNode();
        if (!isNull(body) && !(body instanceof MappingNode)) {
            throw yaml.error(body, "the variables of host '" + pattern + "' must be a mapping ('name: value'),"
                    + " found " + yaml.describe(body));
        }
        HostAddress address = HostAddress.parse(pattern).orElse(new HostAddress(pattern, OptionalInt.empty()));
        List<String> names = expand(address.host(), entry);
        List<YamlNodes.Entry> vars = body instanceof MappingNode m ? yaml.entries(m) : List.of();
        for (String host : names) {
            builder.addHost(host, group, address.port(), entry.location());
            for (YamlNodes.Entry var : vars) {
                String name = name(var, "variable");
                Object value = yaml.value(var.valueNode());
                rules.check(name, value, var.location());
                builder.setHostVar(host, name, new Var(value, var.location()));
            }
        }
    }

    private List<String> expand(String pattern, YamlNodes.Entry entry) {
        return HostRange.expandAt(pattern, entry.location());
    }

    private String name(YamlNodes.Entry entry, String what) {
        if (!(entry.key() instanceof String name) || name.isEmpty()) {
            throw new InventoryException(entry.location(), "a " + what + " name must be a non-empty string, found "
                    + yaml.describe(entry.keyNode()) + "; enclose it in quotes");
        }
        return name;
    }

    private static int priority(Object value, YamlNodes.Entry entry) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof String s && s.strip().matches("[-+]?[0-9]{1,9}")) {
            return Integer.parseInt(s.strip());
        }
        throw new InventoryException(entry.location(), "ansible_group_priority must be an integer, found '" + value + "'");
    }

    private boolean isNull(Node node) {
        return node instanceof ScalarNode && yaml.value(node) == null;
    }
}
