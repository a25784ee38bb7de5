package dev.nodefix.modules;

import dev.nodefix.module.Module;
import dev.nodefix.module.ModuleRegistry;
import java.util.List;

/** The modules nodefix ships, as a fresh registry. */
public final class BuiltinModules {
    private BuiltinModules() {}

    public static ModuleRegistry registry() {
        List<Module<?>> modules = List.of(new Ethtool(), new File(), new YamlKey(), new SystemdUnit(), new UdevRule(),
                new Service(), new ShellCommand(), new K3sFlannelBackend(), new Probe(), new Assert(), new WaitFor());
        return new ModuleRegistry(modules);
    }
}
