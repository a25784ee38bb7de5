package dev.nodefix.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nodefix diagnose --from} over pasted evidence: directories, files one by one, mixed with captures; --explain. */
class DiagnoseLooseEvidenceCliTest {
    @Test
    void explainSaysWhatEachPieceWasTakenForWhatItGaveAndWhatWasNotUsed() throws Exception {
        CliRunner.Result r = new CliRunner().run("diagnose", "--from", resource("/diagnose/corpus/cases/k3s-7096-old-iptables")
                .toString(), "--explain");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(12);
        assertThat(r.out()).startsWith("Evidence for k3s-7096-old-iptables:\n")
                .contains("  k3s-7096-old-iptables/iptables-v1.4.21.txt:1: iptables-version ($ iptables --version)\n"
                        + "      iptables: IptablesVersion[version=Optional[1.4.21], mode=LEGACY, randomFullyCapable=false]")
                .contains("k3s-7096-old-iptables/iptables-vnL-grep-flannel-empty-chain.txt:1: iptables-list"
                        + " ($ iptables -t nat -vnL | grep -i flannel)")
                .contains("k3s-7096-old-iptables/k3s-v-v1.26.2.txt:1: k3s-version ($ k3s -v)\n"
                        + "      k3s-version: K3sVersion[version=Optional[1.26.2]")
                .contains("  not used:\n    k3s-7096-old-iptables/case.yaml:1: not recognised (source: https://")
                .contains("Cluster verdict: UNKNOWN");
    }

    @Test
    void explainShowsTheOffloadAndTheSymptomEachPieceGave() throws Exception {
        CliRunner.Result r = new CliRunner().run("diagnose", "--from", resource("/diagnose/corpus/cases/flannel-1279-rhel7")
                .toString(), "--explain");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(10);
        assertThat(r.out()).contains("  flannel-1279-rhel7/ethtool-K-actual-changes.txt:3: ethtool-features"
                        + " ($ ethtool -K flannel.1 tx-checksum-ip-generic off)\n"
                        + "      offload: flannel.1 tx-checksum-ip-generic: off\n")
                .contains("  flannel-1279-rhel7/udp-bad-checksum-8472.txt:1: kernel-log\n"
                        + "      kernel-log: bad UDP checksum on the VXLAN port: YES (4 lines)\n")
                .contains("    flannel-1279-rhel7/ethtool-K-actual-changes.txt:2: not recognised"
                        + " (;; connection timed out; no servers could be reached)\n")
                .contains("flannel-1279-rhel7: affected");
    }

    @Test
    void piecesNothingReadsAreListedAtTheirFileAndLine(@TempDir Path tmp) throws Exception {
        Path node = Files.createDirectory(tmp.resolve("node3"));
        Files.writeString(node.resolve("notes.txt"), "DNS is slow\n$ nslookup kubernetes\nServer: 10.43.0.10\n"
                + "$ ethtool -k eth0\nFeatures for eth0:\ntx-checksum-ip-generic: on\n");

        CliRunner.Result r = new CliRunner().run("diagnose", "--from", node.toString(), "--explain");

        assertThat(r.out()).contains("  node3/notes.txt:4: ethtool-features ($ ethtool -k eth0)\n"
                        + "      gave nothing: features of eth0, not of flannel.1")
                .contains("  not used:\n    node3/notes.txt:1: not recognised (DNS is slow)\n"
                        + "    node3/notes.txt:3: not recognised (Server: 10.43.0.10)\n")
                .contains("node3: unknown");
    }

    @Test
    void filesNamedOneByOneAreOneHostNamedAfterTheirDirectory(@TempDir Path tmp) throws Exception {
        Path node = Files.createDirectory(tmp.resolve("node-7"));
        Path unit = Files.writeString(node.resolve("unit.txt"), "ExecStart=/usr/local/bin/k3s \\\n    server \\\n"
                + "    '--flannel-backend=none'\n");
        Path version = Files.writeString(node.resolve("version.txt"), "$ k3s -v\nk3s version v1.27.4+k3s1 (36645e73)\n");

        CliRunner.Result r = new CliRunner().run("diagnose", "--from", unit.toString(), "--from", version.toString(),
                "--json");

        Map<?, ?> hosts = (Map<?, ?>) JSON.std.mapFrom(r.out()).get("hosts");
        assertThat(hosts.keySet().stream().map(String::valueOf).toList()).as(r.toString()).containsExactly("node-7");
        assertThat(((Map<?, ?>) hosts.get("node-7")).get("verdict")).isEqualTo("not-affected");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void capturesAndPastedEvidenceMixAndADirectoryOfDirectoriesIsAHostEach(@TempDir Path tmp) throws Exception {
        Path cluster = Files.createDirectory(tmp.resolve("cluster"));
        for (String host : new String[] {"a", "b"}) {
            Files.writeString(Files.createDirectory(cluster.resolve(host)).resolve("uname.txt"), "$ uname -r\n6.1.0-18-amd64\n");
        }
        Path capture = resource("/facts/_captured/affected-agent");

        CliRunner.Result r = new CliRunner().run("diagnose", "--from", cluster.toString(), "--from", capture.toString(),
                "--json");

        Map<?, ?> hosts = (Map<?, ?>) JSON.std.mapFrom(r.out()).get("hosts");
        assertThat(hosts.keySet().stream().map(String::valueOf).toList()).as(r.toString()).containsExactlyInAnyOrder("a", "b", "affected-agent");
        assertThat(r.exitCode()).isEqualTo(10);
    }

    @Test
    void aDirectoryMixingCapturesAndPastedFilesIsAnInputErrorNotASilentGuess(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("mixed"));
        Files.copy(resource("/facts/_captured/affected-agent"), dir.resolve("affected-agent"));
        Files.writeString(dir.resolve("notes.txt"), "$ uname -r\n6.1.0-18-amd64\n");

        CliRunner.Result r = new CliRunner().run("diagnose", "--from", dir.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("holds collector captures and pasted files (notes.txt)");
    }

    @Test
    void explainNeedsEvidenceAndAMissingPathIsAnInputError(@TempDir Path tmp) {
        CliRunner.Result live = new CliRunner().run("diagnose", "--explain");
        CliRunner.Result missing = new CliRunner().run("diagnose", "--from", tmp.resolve("nope.txt").toString());

        assertThat(live.exitCode()).isEqualTo(1);
        assertThat(live.err()).contains("--explain reads pasted evidence: give --from PATH");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.txt: not a directory or a file");
    }

    private static Path resource(String name) throws Exception {
        return Path.of(DiagnoseLooseEvidenceCliTest.class.getResource(name).toURI());
    }
}
