package dev.nodefix.playbook;

import dev.nodefix.inventory.DidYouMean;
import dev.nodefix.module.ModuleRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Reads one play: its keys, vars, serial, order and thresholds, then its tasks and handlers. */
final class PlayReader {
    static final List<String> KEYS = List.of("name", "hosts", "vars", "serial", "order", "max_fail_percentage",
            "any_errors_fatal", "gather_facts", "become", "tasks", "handlers");
    private final PlaybookYaml yaml;
    private final Fields fields;
    private final ModuleRegistry registry;
    private final ExpressionCheck check;

    PlayReader(PlaybookYaml yaml, ModuleRegistry registry, ExpressionCheck check) {
        this.yaml = yaml;
        this.fields = new Fields(yaml);
        this.registry = registry;
        this.check = check;
    }

    Optional<Play> read(Node node, Scope outer) {
        if (!(node instanceof MappingNode mapping)) {
            yaml.problem(node, "a play is a mapping (hosts, tasks, ...), got " + PlaybookYaml.describe(node));
            return Optional.empty();
        }
        Map<String, Node> keys = new LinkedHashMap<>();
        for (PlaybookYaml.Entry e : yaml.entries(mapping)) {
            if (KEYS.contains(e.key())) {
                keys.put(e.key(), e.valueNode());
            } else {
                unknownKey(e);
            }
        }
        Optional<String> hosts = hosts(node, keys.get("hosts"));
        Map<String, Object> vars = vars(keys.get("vars"), outer);
        Scope scope = outer.with(vars.keySet());
        TaskReader tasks = new TaskReader(yaml, registry, check);
        List<PlayTask> taskList = new ArrayList<>();
        for (Node t : list("tasks", keys.get("tasks"))) {
            Optional<PlayTask> task = tasks.read(t, scope);
            if (task.isPresent()) {
                taskList.add(task.get());
                scope = scope.with(task.get().register().stream().toList());
            }
        }
        List<PlayTask> handlers = handlers(keys.get("handlers"), tasks, scope);
        checkNotified(tasks, handlers);
        String name = Optional.ofNullable(keys.get("name")).flatMap(n -> fields.text("name", n)).orElse(hosts.orElse(""));
        return Optional.of(new Play(name, hosts.orElse(""), vars, serial(keys.get("serial")), order(keys.get("order")),
                Optional.ofNullable(keys.get("max_fail_percentage"))
                        .flatMap(n -> fields.wholeNumber("max_fail_percentage", n, 0, 100)),
                switchOr(keys, "any_errors_fatal", false), switchOr(keys, "gather_facts", true),
                Optional.ofNullable(keys.get("become")).flatMap(n -> fields.switchValue("become", n)), taskList,
                handlers, yaml.location(node)));
    }

    private static List<String> registered(List<PlayTask> tasks) {
        return tasks.stream().flatMap(t -> t.register().stream()).toList();
    }

    private List<PlayTask> handlers(Node node, TaskReader reader, Scope scope) {
        List<PlayTask> out = new ArrayList<>();
        Map<String, Node> names = new LinkedHashMap<>();
        for (Node h : list("handlers", node)) {
            Optional<PlayTask> handler = reader.read(h, scope);
            if (handler.isEmpty()) {
                continue;
            }
            out.add(handler.get());
            scope = scope.with(registered(out));
            Node nameNode = nameNode(h).orElse(h);
            if (handler.get().name().isEmpty()) {
                yaml.problem(h, "a handler needs a name (notify refers to it by name)");
            } else if (names.putIfAbsent(handler.get().name(), nameNode) != null) {
                yaml.problem(nameNode, "a second handler named '" + handler.get().name() + "' (first at line "
                        + yaml.location(names.get(handler.get().name())).line() + ")");
            }
        }
        return out;
    }

    private void checkNotified(TaskReader reader, List<PlayTask> handlers) {
        List<String> defined = handlers.stream().map(PlayTask::name).filter(n -> !n.isEmpty()).toList();
        for (TaskReader.Notified n : reader.notified()) {
            if (!defined.contains(n.handler())) {
                yaml.problem(n.node(), "notify: no handler named '" + n.handler() + "' in this play"
                        + DidYouMean.closest(n.handler(), defined).map(s -> " (did you mean '" + s + "'?)")
                        .orElse(defined.isEmpty() ? "; it has no handlers" : "; handlers: " + String.join(", ", defined)));
            }
        }
    }

    private static Optional<Node> nameNode(Node task) {
        if (task instanceof MappingNode m) {
            return m.getValue().stream().filter(t -> PlaybookYaml.text(t.getKeyNode()).orElse("").equals("name"))
                    .map(NodeTuple::getValueNode).findFirst();
        }
        return Optional.empty();
    }

    private Optional<String> hosts(Node play, Node node) {
        if (node == null) {
            yaml.problem(play, "a play needs hosts (an inventory host pattern, e.g. all or agent)");
            return Optional.empty();
        }
        if (node instanceof SequenceNode) {
            List<String> terms = fields.textNodes("hosts", node).stream().map(n -> ((ScalarNode) n).getValue()).toList();
            return terms.isEmpty() ? Optional.empty() : Optional.of(String.join(",", terms));
        }
        return fields.text("hosts", node);
    }

    private Map<String, Object> vars(Node node, Scope outer) {
        Map<String, Object> vars = new LinkedHashMap<>();
        if (node == null) {
            return vars;
        }
        if (!(node instanceof MappingNode mapping)) {
            yaml.problem(node, "vars: expected a mapping of names to values, got " + PlaybookYaml.describe(node));
            return vars;
        }
        List<PlaybookYaml.Entry> entries = yaml.entries(mapping);
        entries.stream().filter(e -> fields.variableName("vars", e.key(), e.keyNode()))
                .forEach(e -> vars.put(e.key(), yaml.value(e.valueNode())));
        Scope scope = outer.with(vars.keySet());
        entries.forEach(e -> templates(e.valueNode(), scope));
        return vars;
    }

    private void templates(Node node, Scope scope) {
        if (node instanceof MappingNode m) {
            m.getValue().forEach(t -> templates(t.getValueNode(), scope));
        } else if (node instanceof SequenceNode s) {
            s.getValue().forEach(item -> templates(item, scope));
        } else {
            PlaybookYaml.text(node).filter(t -> t.contains("{{")).ifPresent(t ->
                    check.template(t, scope.names()).forEach(p -> yaml.problem(node, "vars: " + p)));
        }
    }

    private Serial serial(Node node) {
        if (node == null) {
            return Serial.ALL;
        }
        List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        if (items.isEmpty()) {
            yaml.problem(node, "serial: expected a number of hosts, a percentage like \"30%\" or a list of those,"
                    + " got an empty list");
        }
        List<BatchSize> steps = new ArrayList<>();
        items.forEach(item -> batchSize(item).ifPresent(steps::add));
        return new Serial(steps);
    }

    private Optional<BatchSize> batchSize(Node node) {
        String text = node instanceof ScalarNode s && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.STR))
                ? s.getValue().strip() : "";
        if (text.matches("[0-9]{1,6}") && Integer.parseInt(text) >= 1) {
            return Optional.of(new BatchSize.Count(Integer.parseInt(text)));
        }
        if (text.matches("[0-9]{1,3}%") && Integer.parseInt(text.replace("%", "")) >= 1
                && Integer.parseInt(text.replace("%", "")) <= 100) {
            return Optional.of(new BatchSize.Percent(Integer.parseInt(text.replace("%", ""))));
        }
        yaml.problem(node, "serial: expected a number of hosts (1 or more) or a percentage from \"1%\" to \"100%\","
                + " got " + PlaybookYaml.describe(node));
        return Optional.empty();
    }

    private Order order(Node node) {
        if (node == null) {
            return Order.SERVERS_FIRST;
        }
        Optional<String> text = PlaybookYaml.text(node);
        Optional<Order> order = text.flatMap(Order::of);
        if (order.isEmpty()) {
            yaml.problem(node, "order: expected one of " + String.join(", ", Order.names()) + ", got "
                    + PlaybookYaml.describe(node) + text.map(t -> DidYouMean.hint(t, Order.names())).orElse(""));
        }
        return order.orElse(Order.SERVERS_FIRST);
    }

    private boolean switchOr(Map<String, Node> keys, String key, boolean fallback) {
        return Optional.ofNullable(keys.get(key)).flatMap(n -> fields.switchValue(key, n)).orElse(fallback);
    }

    private List<Node> list(String key, Node node) {
        if (node == null || node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            return List.of();
        }
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        yaml.problem(node, key + ": expected a list of tasks, got " + PlaybookYaml.describe(node));
        return List.of();
    }

    private void unknownKey(PlaybookYaml.Entry e) {
        boolean module = registry.all().stream().anyMatch(m -> m.name().equals(e.key()));
        boolean taskLevel = TaskReader.KEYS.contains(e.key()) || module;
        yaml.problem(e.keyNode(), "unknown play key '" + e.key() + "'" + (taskLevel
                ? " (" + (module ? "a module" : "a task key") + "; tasks go in the play's tasks list)"
                : DidYouMean.closest(e.key(), KEYS).map(s -> " (did you mean '" + s + "'?)")
                        .orElse("; play keys: " + String.join(", ", KEYS))));
    }
}
