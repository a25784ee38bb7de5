package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.lab.Lab;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The collector's {@code nft} section live over SSH on a 2-node "affected" lab: a node whose iptables listing holds
 * kube-proxy's chains lists no nftables; a node whose net-conf.json asks for flannel's nftables mode does, finds no
 * flannel table (the lab's flannel has not applied it), and is diagnosed as its neighbour, from its iptables rules.
 */
class NftFactsIT {
    @Test
    void onlyTheNodeAskingForNftablesListsIt() throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        Lab.LabNames names = new Lab.LabNames("nfxn", "nfxnbr0", "10.99.62", repo.resolve("target/it-lab-nfxn"));
        try (Lab lab = Lab.up(repo, 2, "affected", names)) {
            String plain = lab.names().get(0);
            String asking = lab.names().get(1);
            lab.exec(asking, "sh", "-c", "printf '%s\\n' '{\"Network\": \"10.42.0.0/16\", \"EnableNFTables\": true,"
                    + " \"Backend\": {\"Type\": \"vxlan\"}}' > /var/lib/rancher/k3s/agent/etc/flannel/net-conf.json");

            CliRunner.Result r = new CliRunner().run("facts", "-i", lab.inventory().toString(), "--json");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            Map<String, Object> hosts = map(JSON.std.mapFrom(r.out()).get("hosts"));
            assertThat(map(map(map(hosts.get(plain)).get("facts")).get("nft"))).as(plain)
                    .containsEntry("coverage", "not_collected");
            Map<String, Object> nft = map(map(map(hosts.get(asking)).get("facts")).get("nft"));
            assertThat(nft).as(asking).containsEntry("coverage", "ruleset").containsEntry("flannel_nft_mode", true);
            assertThat(map(nft.get("flannel"))).containsEntry("chain", "no");

            CliRunner.Result d = new CliRunner().run("diagnose", "-i", lab.inventory().toString());
            assertThat(d.out()).as(d.toString()).contains(plain + ": affected", asking + ": affected")
                    .doesNotContain("NFT_NAT_PATH");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
