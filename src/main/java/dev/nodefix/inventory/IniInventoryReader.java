package dev.nodefix.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an INI inventory as Ansible's {@code ini} inventory plugin does: lines before any section are
 * hosts of "ungrouped"; {@code [g]} holds host lines ({@code pattern[:port] k=v ...}, split the shell
 * way), {@code [g:vars]} holds {@code k=v} lines, {@code [g:children]} holds group names, which may be
 * declared later in the file. Values are typed with Python's literal rules ({@link PythonLiteral}).
 * Lines starting with {@code #} or {@code ;} are comments. Errors name {@code file:line:col}.
 */
final class IniInventoryReader {
    private static final Pattern SECTION = Pattern.compile("^\\[([^:\\]\\s]+)(?::(\\w+))?\\]\\s*(?:#.*)?$",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern GROUP_NAME = Pattern.compile("^([^:\\]\\s]+)\\s*(?:#.*)?$",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]");

    /** A group named in [x:children] or [x:vars] before it was declared. */
    private record Pending(String state, Location at, List<String> parents) {}

    private final String label;
    private final InventoryBuilder builder;
    private final VariableRules rules = new VariableRules();
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private String group = InventoryBuilder.UNGROUPED;
    private String state = "hosts";

    IniInventoryReader(String label, InventoryBuilder builder) {
        this.label = label;
        this.builder = builder;
    }

    void read(String text) {
        String[] lines = LINE_BREAK.split(text, -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String line = raw.strip();
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == ';') {
                continue;
            }
            Location at = new Location(label, i + 1, raw.indexOf(line.charAt(0)) + 1);
            readLine(line, at);
        }
        pending.forEach((name, decl) -> {
            if (decl.state().equals("vars")) {
                throw new InventoryException(decl.at(), "Section [" + name + ":vars] not valid for undefined group: " + name);
            }
            String parent = decl.parents().get(decl.parents().size() - 1);
            throw new InventoryException(decl.at(), "Section [" + parent + ":children] includes undefined group: " + name
                    + " (declare it with [" + name + "] or [" + name + ":children])");
        });
    }

    private void readLine(String line, Location at) {
        Matcher section = SECTION.matcher(line);
        if (section.matches()) {
            enterSection(section.group(1), section.group(2), at);
            return;
        }
        if (line.startsWith("[") && line.endsWith("]")) {
            throw new InventoryException(at, "Invalid section entry: '" + line + "'. Please make sure that there are"
                    + " no spaces in the section entry, and that there are no other invalid characters");
        }
        switch (state) {
            case "hosts" -> hostLine(line, at);
            case "vars" -> varLine(line, at);
            default -> childLine(line, at);
        }
    }

    private void enterSection(String name, String tag, Location at) {
        group = name;
        state = tag == null ? "hosts" : tag;
        if (!List.of("hosts", "children", "vars").contains(state)) {
            throw new InventoryException(at, "Section [" + name + ":" + tag + "] has unknown type: " + tag
                    + DidYouMean.hint(tag, List.of("children", "vars")));
        }
        if (!builder.groups().containsKey(name)) {
            if (state.equals("vars") && !pending.containsKey(name)) {
                pending.put(name, new Pending("vars", at, List.of()));
            }
            builder.addGroup(name);
        }
        Pending waiting = pending.get(name);
        if (waiting != null && !state.equals("vars")) {
            if (waiting.state().equals("children")) {
                addPendingChildren(name);
            } else {
                pending.remove(name);
            }
        }
    }

    private void addPendingChildren(String name) {
        for (String parent : pending.get(name).parents()) {
            builder.addChild(parent, name, pending.get(name).at());
            Pending above = pending.get(parent);
            if (above != null && above.state().equals("children")) {
                addPendingChildren(parent);
            }
        }
        pending.remove(name);
    }

    private void childLine(String line, Location at) {
        Matcher m = GROUP_NAME.matcher(line);
        if (!m.matches()) {
            throw new InventoryException(at, "Expected group name, got: " + line);
        }
        String child = m.group(1);
        if (builder.groups().containsKey(child)) {
            builder.addChild(group, child, at);
            return;
        }
        Pending waiting = pending.get(child);
        if (waiting == null) {
            List<String> parents = new ArrayList<>();
            parents.add(group);
            pending.put(child, new Pending("children", at, parents));
        } else {
            waiting.parents().add(group);
        }
    }

    private void varLine(String line, Location at) {
        int eq = line.indexOf('=');
        if (eq < 0) {
            throw new InventoryException(at, "Expected key=value, got: " + line);
        }
        String name = line.substring(0, eq).strip();
        Object value = PythonLiteral.typed(line.substring(eq + 1).strip());
        if (name.equals("ansible_group_priority")) {
            builder.setPriority(group, priority(value, at));
            return;
        }
        rules.check(name, value, at);
        builder.setGroupVar(group, name, new Var(value, at));
    }

    private void hostLine(String line, Location at) {
        List<IniWords.Word> words;
        try {
            words = IniWords.split(line);
        } catch (IniWords.BadLine e) {
            throw new InventoryException(at, "Error parsing host definition '" + line + "': " + e.getMessage());
        }
        String pattern = words.get(0).text();
        HostAddress address = HostAddress.parse(pattern).orElse(new HostAddress(pattern, OptionalInt.empty()));
        if (pattern.strip().endsWith(":") && address.port().isEmpty()) {
            throw new InventoryException(at, "Invalid host pattern '" + pattern + "' supplied, ending in ':' is not"
                    + " allowed, this character is reserved to provide a port.");
        }
        List<String> hosts = HostRange.expandAt(address.host(), at);
        if (hosts.stream().anyMatch(h -> h.strip().equals("---"))) {
            throw new InventoryException(at, "Invalid host pattern '" + pattern + "' supplied, '---' is normally a sign"
                    + " this is a YAML file.");
        }
        Map<String, Var> vars = new LinkedHashMap<>();
        for (IniWords.Word word : words.subList(1, words.size())) {
            Location where = new Location(label, at.line(), at.column() + word.column() - 1);
            int eq = word.text().indexOf('=');
            if (eq < 0) {
                throw new InventoryException(where, "Expected key=value host variable assignment, got: " + word.text());
            }
            String name = word.text().substring(0, eq);
            Object value = PythonLiteral.typed(word.text().substring(eq + 1));
            rules.check(name, value, where);
            vars.put(name, new Var(value, where));
        }
        for (String host : hosts) {
            builder.addHost(host, group, address.port(), at);
            vars.forEach((name, var) -> builder.setHostVar(host, name, var));
        }
    }

    private static int priority(Object value, Location at) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof String s && s.strip().matches("[-+]?[0-9]{1,9}")) {
            return Integer.parseInt(s.strip());
        }
        throw new InventoryException(at, "ansible_group_priority must be an integer, found '" + value + "'");
    }
}
