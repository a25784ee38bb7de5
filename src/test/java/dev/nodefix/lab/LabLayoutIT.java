package dev.nodefix.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A big lab's layout (lab/lab up N > 200), forced on 3 nodes with LAB_NET_BITS=22 LAB_POD_MASK=25: the
 * node network is a /22 and each node's pod subnet is the i-th /25 of 10.42.0.0/16, everywhere the lab
 * uses it (cni0, flannel.1 and its peers, subnet.env, the node records, the service endpoint), also after a
 * k3s restart re-programs the peers. Another lab inside the /22 and a big N on an unaligned net are refused.
 * Names: prefix nfxg, bridge nfxgbr0, 10.99.80 (10.99.80.0/22), target/it-layout.
 */
class LabLayoutIT {
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Lab.LabNames NAMES = new Lab.LabNames("nfxg", "nfxgbr0", "10.99.80", REPO.resolve("target/it-layout"));
    private static final Lab.LabNames INSIDE = new Lab.LabNames("nfxh", "nfxhbr0", "10.99.81", REPO.resolve("target/it-layout-b"));

    private Lab lab;

    @AfterEach
    void down() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void aBigLayoutUsesASlash22AndSlash25PodSubnetsEverywhere() {
        lab = Lab.up(REPO, 3, "affected", NAMES, Map.of("LAB_NET_BITS", "22", "LAB_POD_MASK", "25"));
        assertThat(sh("nfxg003", "ip -4 -o addr show dev eth0")).contains("inet 10.99.80.13/22 ");
        assertThat(sh("nfxg002", "ip -4 -o addr show dev cni0; ip -4 -o addr show dev flannel.1; cat /run/flannel/subnet.env"))
                .contains("inet 10.42.1.1/25 ", "inet 10.42.1.0/32 ", "FLANNEL_NETWORK=10.42.0.0/16\nFLANNEL_SUBNET=10.42.1.1/25\n");
        String peers = "10.42.0.128/25 via 10.42.0.128 dev flannel.1 onlink";
        assertThat(sh("nfxg002", "ip route")).contains(peers, "10.42.1.128/25 via 10.42.1.128 dev flannel.1 onlink");
        assertThat(sh("nfxg001", "cat /etc/rancher/k3s/config.yaml"))
                .isEqualTo("node-ip: 10.99.80.11\nkube-controller-manager-arg:\n- node-cidr-mask-size=25\n");
        assertThat(sh("nfxg001", "k3s kubectl get node nfxg003 -o jsonpath='{.spec.podCIDR}'")).isEqualTo("10.42.1.128/25");
        // the service's endpoint is node 2's pod (10.42.1.2), reached from node 1 over flannel.1
        assertThat(sh("nfxg001", "iptables-save -t nat | grep -c 'DNAT --to-destination 10.42.1.2:80'")).isEqualTo("1\n");
        assertThat(sh("nfxg001", "curl -s -m 5 http://10.43.0.10/")).contains("hello from nfxg002-pod");

        sh("nfxg002", "systemctl restart k3s-agent");
        assertThat(sh("nfxg002", "ip route show root 10.42.0.0/16; cat /run/flannel/subnet.env"))
                .contains(peers, "FLANNEL_SUBNET=10.42.1.1/25").doesNotContain("/24");
        assertThat(sh("nfxg003", "curl -s -m 5 http://10.42.1.2/")).contains("hello from nfxg002-pod");

        // a /24 lab inside this lab's /22 is refused before it touches anything
        assertThatThrownBy(() -> Lab.up(REPO, 1, "affected", INSIDE))
                .hasMessageContaining("LAB_NET 10.99.81.0/24 is already used by interface 'nfxgbr0'");
        assertThat(sh("nfxg001", "curl -s -m 5 http://10.43.0.10/")).contains("hello from nfxg002-pod");
    }

    @Test
    void aBigLabNeedsAnAlignedSlash22() {
        assertThatThrownBy(() -> Lab.up(REPO, 201, "affected", INSIDE))
                .hasMessageContaining("N=201 needs a /22 LAB_NET (third octet a multiple of 4");
        assertThatThrownBy(() -> Lab.up(REPO, 3, "affected", INSIDE, Map.of("LAB_POD_MASK", "27")))
                .hasMessageContaining("LAB_POD_MASK must be 24, 25 or 26");
    }

    private String sh(String node, String script) {
        return lab.exec(node, "sh", "-c", script);
    }
}
