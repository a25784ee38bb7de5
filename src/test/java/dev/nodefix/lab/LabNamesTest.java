package dev.nodefix.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The second bridge and subnet of routed profiles follow lab/lib/routed.sh's rule. */
class LabNamesTest {
    @Test
    void theIntegrationLabAndItsSecondSubnet() {
        Lab.LabNames n = Lab.LabNames.integration(Path.of("/repo"));

        assertThat(n.prefix()).isEqualTo("nfxit");
        assertThat(n.dir()).isEqualTo(Path.of("/repo/target/it-lab"));
        assertThat(n.bridge2()).isEqualTo("nfxitbr1");
        assertThat(n.net2()).isEqualTo("10.99.101");
    }

    @Test
    void highOctetsGoDownAndBadNamesAreRefused() {
        assertThat(new Lab.LabNames("x", "br7", "10.1.200", Path.of("/tmp/x")).net2()).isEqualTo("10.1.100");
        assertThatThrownBy(() -> new Lab.LabNames("X", "br0", "10.1.2", Path.of("/tmp/x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Lab.LabNames("x", "br9", "10.1.2", Path.of("/tmp/x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
