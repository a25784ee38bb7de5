package dev.nodefix.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector's {@code nft} section: run only when the cheap evidence points at nftables, and kept to the chains
 * nodefix reads. The collector runs in new namespaces with fake {@code iptables-save} and {@code nft} first on its
 * PATH, and k3s's files under a temporary root ({@code NF_ROOT}).
 */
class NftCollectorTest {
    private static final String WITH_KUBE = "echo '*nat'; echo ':KUBE-POSTROUTING - [0:0]';"
            + " echo '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN'";

    @Test
    void anIptablesListingWithKubeProxysChainAndNoNftablesSettingRunsNoNft(@TempDir Path tmp) throws Exception {
        String out = run(tmp, WITH_KUBE, "{\"Network\":\"10.42.0.0/16\",\"EnableNFTables\":false,\"EnableIPv4\":true}",
                "flannel-backend: vxlan\n");

        assertThat(CollectorOutput.split(out).sections()).as(out).doesNotContainKey(NftListing.SECTION);
        assertThat(tmp.resolve("nft-ran")).doesNotExist();
    }

    @Test
    void netConfAskingForNftablesListsTheRuleset(@TempDir Path tmp) throws Exception {
        String out = run(tmp, WITH_KUBE, "{\n  \"Network\": \"10.42.0.0/16\",\n  \"EnableNFTables\": true\n}", "");

        assertThat(CollectorOutput.split(out).section(NftListing.SECTION).succeeded()).as(out).isTrue();
    }

    @Test
    void proxyModeNftablesInK3sConfigListsTheRuleset(@TempDir Path tmp) throws Exception {
        String out = run(tmp, WITH_KUBE, "{}", "kube-proxy-arg:\n  - proxy-mode=nftables\n");

        assertThat(CollectorOutput.split(out).section(NftListing.SECTION).succeeded()).as(out).isTrue();
    }

    @Test
    void aListingWithoutKubeProxysChainListsOnlyTheChainsNodefixReads(@TempDir Path tmp) throws Exception {
        String out = run(tmp, "echo '*nat'", "{}", "");

        Section nft = CollectorOutput.split(out).section(NftListing.SECTION);
        assertThat(nft.lines()).as(out).startsWith("# nft list ruleset")
                .contains("table ip kube-proxy {", "\tchain masquerading {", "\t\tmasquerade fully-random",
                        "\tchain POSTROUTING {", "# Warning: table ip nat is managed by iptables-nft, do not touch!")
                .noneMatch(l -> l.contains("elements") || l.contains("10.43.112.7") || l.contains("DOCKER")
                        || l.contains("service-2QRHZV4L"));
        NftNat facts = NodeFacts.parse(out).nft();
        assertThat(facts.coverage()).isEqualTo(NftListing.Coverage.RULESET);
        assertThat(facts.kubeProxy().handling()).isEqualTo(NftMasquerade.Handling.CLEARS_MARK);
        assertThat(facts.flannel().chain()).isEqualTo(Observed.NO);
    }

    /** The collector with fake iptables-save and nft, {@code netConf} and {@code config} as k3s's files. */
    private static String run(Path tmp, String iptablesSave, String netConf, String config) throws Exception {
        Path fake = Files.createDirectories(tmp.resolve("fake"));
        tool(fake, "iptables-save", iptablesSave);
        try (InputStream ruleset = NftCollectorTest.class.getResourceAsStream("/fact/nft/kube-proxy-ruleset.txt")) {
            Files.write(tmp.resolve("ruleset.txt"), ruleset.readAllBytes());
        }
        tool(fake, "nft", "[ \"$*\" = 'list ruleset' ] || exit 2; touch " + tmp.resolve("nft-ran") + "; cat "
                + tmp.resolve("ruleset.txt"));
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("var/lib/rancher/k3s/agent/etc/flannel"));
        Files.createDirectories(root.resolve("etc/rancher/k3s"));
        Files.writeString(root.resolve("var/lib/rancher/k3s/agent/etc/flannel/net-conf.json"), netConf);
        Files.writeString(root.resolve("etc/rancher/k3s/config.yaml"), config);
        String setup = "mount --bind " + fake + " /usr/local/sbin && export NF_ROOT=" + root;
        Path sh = Files.copy(Path.of("/bin/sh"), tmp.resolve("sh"), StandardCopyOption.COPY_ATTRIBUTES);
        Process probe = new ProcessBuilder("unshare", "-rm", "true").redirectErrorStream(true).start();
        Assumptions.assumeTrue(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0, "unshare -rm");
        Process p = new ProcessBuilder("unshare", "-rm", sh.toString(), "-c", setup + " && exec " + sh + " -s")
                .redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(CollectorScript.load().text().getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static void tool(Path dir, String name, String body) throws Exception {
        Path tool = dir.resolve(name);
        Files.writeString(tool, "#!/bin/sh\n" + body + "\n");
        tool.toFile().setExecutable(true);
    }
}
