package dev.nodefix.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Profile "dropin": the backend lives in config.yaml.d/50-flannel.yaml, which the switch rewrites (config.yaml stays). */
class DropinSwitchIT {
    @RegisterExtension
    static final ClassLab LAB = new ClassLab("nfxfd", "nfxfdbr0", "10.99.110", "target/it-dropin", 3, "dropin");

    @TempDir Path state;

    @Test
    void theSwitchRewritesTheDropInAndRollsBackToIdenticalNodes() throws IOException {
        new BackendSwitchWhereSet("/etc/rancher/k3s/config.yaml.d/50-flannel.yaml", "flannel-backend: %s\n", false)
                .switchesThereAndRollsBack(LAB.lab(), LAB.freshNodes(state));
    }
}
