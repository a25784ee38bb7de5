package dev.nodefix.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import net.schmizz.sshj.Config;
import net.schmizz.sshj.common.Factory;
import org.junit.jupiter.api.Test;

class SshjConfigTest {
    @Test
    void modernAlgorithmsOnlyCurve25519First() {
        Config config = SshjConfig.create();
        assertThat(Factory.Named.Util.getNames(config.getKeyExchangeFactories())).first().isEqualTo("curve25519-sha256");
        assertThat(Factory.Named.Util.getNames(config.getKeyExchangeFactories()))
                .contains("ext-info-c").doesNotContain("diffie-hellman-group1-sha1", "diffie-hellman-group14-sha1");
        assertThat(Factory.Named.Util.getNames(config.getKeyAlgorithms()))
                .containsExactlyElementsOf(SshjConfig.KEY_ALGORITHMS).doesNotContain("ssh-rsa", "ssh-dss");
        assertThat(Factory.Named.Util.getNames(config.getCipherFactories())).containsExactlyElementsOf(SshjConfig.CIPHERS);
        assertThat(Factory.Named.Util.getNames(config.getMACFactories())).containsExactlyElementsOf(SshjConfig.MACS);
    }

    @Test
    void socketsDisableNagle() throws java.io.IOException {
        try (java.net.Socket socket = new NoDelaySockets().createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }
}
