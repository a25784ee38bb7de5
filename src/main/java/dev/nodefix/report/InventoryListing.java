package dev.nodefix.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.jr.ob.JSON;
import com.fasterxml.jackson.jr.ob.JacksonJrExtension;
import com.fasterxml.jackson.jr.ob.api.ExtensionContext;
import com.fasterxml.jackson.jr.ob.api.ReaderWriterProvider;
import com.fasterxml.jackson.jr.ob.api.ValueWriter;
import com.fasterxml.jackson.jr.ob.impl.JSONWriter;
import dev.nodefix.inventory.Group;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Inventory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code nodefix inventory --list}: the JSON {@code ansible-inventory --list} prints for the same file,
 * same structure, values, key order and indentation ({@code _meta.hostvars} with each host's merged
 * variables, "all" with its children, every other non-empty group with its hosts and children).
 */
public final class InventoryListing {
    /** Variables ansible-inventory leaves out of hostvars (its INTERNAL_VARS). */
    private static final Set<String> INTERNAL_VARS = Set.of("ansible_diff_mode", "ansible_config_file",
            "ansible_facts", "ansible_forks", "ansible_inventory_sources", "ansible_limit", "ansible_playbook_python",
            "ansible_run_tags", "ansible_skip_tags", "ansible_verbosity", "ansible_version", "inventory_dir",
            "inventory_file", "inventory_hostname", "inventory_hostname_short", "groups", "group_names", "omit",
            "playbook_dir");

    private final JSON json = JSON.builder(
                    JsonFactory.builder().configure(JsonWriteFeature.WRITE_HEX_UPPER_CASE, false).build())
            .enable(JSON.Feature.WRITE_NULL_PROPERTIES)
            .prettyPrinter(prettyPrinter())
            .register(new RawNumbers())
            .build();

    /** The JSON text, without a trailing newline. */
    public String render(Inventory inventory) {
        Map<String, Object> root = new LinkedHashMap<>();
        addGroups(root, inventory, "all", new HashSet<>());
        Map<String, Object> hostvars = new LinkedHashMap<>();
        for (Host host : inventory.hosts().values()) {
            Map<String, Object> vars = new LinkedHashMap<>(host.vars());
            vars.keySet().removeAll(INTERNAL_VARS);
            if (!vars.isEmpty()) {
                hostvars.put(host.name(), vars);
            }
        }
        root.put("_meta", Map.of("hostvars", hostvars));
        try {
            return json.asString(InventoryJsonValues.toJson(root, InventoryJsonValues.sortable(root)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ansible-inventory --host NAME}: one host's merged variables, without a trailing newline. */
    public String renderHost(Inventory inventory, String name) {
        Host host = inventory.host(name).orElseThrow(() -> new dev.nodefix.inventory.InventoryException(
                "no host '" + name + "' in " + inventory.source()));
        Map<String, Object> vars = new LinkedHashMap<>(host.vars());
        vars.keySet().removeAll(INTERNAL_VARS);
        try {
            return json.asString(InventoryJsonValues.toJson(vars, InventoryJsonValues.sortable(vars)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Groups in the order ansible-inventory adds them: depth first from "all", each once. */
    private static void addGroups(Map<String, Object> root, Inventory inventory, String name, Set<String> seen) {
        Group group = inventory.groups().get(name);
        Map<String, Object> entry = new LinkedHashMap<>();
        if (!name.equals("all") && !group.hosts().isEmpty()) {
            entry.put("hosts", group.hosts());
        }
        if (!group.children().isEmpty()) {
            entry.put("children", group.children());
        }
        if (!entry.isEmpty()) {
            root.putIfAbsent(name, entry);
        }
        for (String child : group.children()) {
            if (seen.add(child)) {
                addGroups(root, inventory, child, seen);
            }
        }
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("    ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }

    /** Writes {@link InventoryJsonValues.RawNumber}s as they are spelt. */
    private static final class RawNumbers extends JacksonJrExtension {
        @Override
        protected void register(ExtensionContext context) {
            context.insertProvider(new ReaderWriterProvider() {
                @Override
                public ValueWriter findValueWriter(JSONWriter writeContext, Class<?> type) {
                    return type == InventoryJsonValues.RawNumber.class ? new RawNumberWriter() : null;
                }
            });
        }
    }

    private static final class RawNumberWriter implements ValueWriter {
        @Override
        public void writeValue(JSONWriter context, JsonGenerator g, Object value) throws IOException {
            g.writeNumber(((InventoryJsonValues.RawNumber) value).text());
        }

        @Override
        public Class<?> valueType() {
            return InventoryJsonValues.RawNumber.class;
        }
    }
}
