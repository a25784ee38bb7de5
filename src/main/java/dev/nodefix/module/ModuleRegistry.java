package dev.nodefix.module;

import dev.nodefix.inventory.DidYouMean;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The modules nodefix knows, by name. Built in {@code app}; a value, not a global. */
public final class ModuleRegistry {
    private final Map<String, Module<?>> modules = new TreeMap<>();

    public ModuleRegistry(List<Module<?>> modules) {
        for (Module<?> m : modules) {
            if (this.modules.put(m.name(), m) != null) {
                throw new IllegalArgumentException("two modules named " + m.name());
            }
        }
    }

    public Module<?> get(String name) {
        Module<?> m = modules.get(name);
        if (m == null) {
            throw new ArgException(name, "", "no such module" + DidYouMean.hint(name, modules.keySet())
                    + "; modules: " + String.join(", ", modules.keySet()));
        }
        return m;
    }

    public List<Module<?>> all() {
        return List.copyOf(modules.values());
    }
}
