package dev.nodefix.modules;

import dev.nodefix.expr.Expressions;
import dev.nodefix.module.Module;
import dev.nodefix.module.ModuleRegistry;
import java.util.List;

/** The modules nodefix ships, as a fresh registry. */
public final class BuiltinModules {
    private BuiltinModules() {}

    /** The registry over an expression engine of its own (tests and tools that have none to share). */
    public static ModuleRegistry registry() {
        return registry(new Expressions());
    }

    /** @param expressions what {@code assert} evaluates its conditions with */
    public static ModuleRegistry registry(Expressions expressions) {
        List<Module<?>> modules = List.of(new Ethtool(), new File(), new YamlKey(), new SystemdUnit(), new UdevRule(),
                new Service(), new ShellCommand(), new K3sFlannelBackend(), new Probe(), new Assert(expressions), new WaitFor());
        return new ModuleRegistry(modules);
    }
}
