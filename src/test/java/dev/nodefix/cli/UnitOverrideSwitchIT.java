package dev.nodefix.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profile "unit-override": the backend is on the command line of k3s.service.d/override.conf (`systemctl edit k3s`),
 * which the switch rewrites with a daemon-reload (the installer's k3s.service stays).
 */
class UnitOverrideSwitchIT {
    @RegisterExtension
    static final ClassLab LAB = new ClassLab("nfxfu", "nfxfubr0", "10.99.111", "target/it-unit-override", 3,
            "unit-override");

    @TempDir Path state;

    @Test
    void theSwitchRewritesOverrideConfAndRollsBackToIdenticalNodes() throws IOException {
        new BackendSwitchWhereSet("/etc/systemd/system/k3s.service.d/override.conf", "    --flannel-backend=%s\n", true)
                .switchesThereAndRollsBack(LAB.lab(), LAB.freshNodes(state));
    }
}
