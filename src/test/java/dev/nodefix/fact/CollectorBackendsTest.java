package dev.nodefix.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector's other iptables views, run here in a fresh network and mount namespace with real iptables-legacy
 * and iptables-nft: each extra listing is read only when the default one leaves its question open.
 */
class CollectorBackendsTest {
    private static final String UNFIXED = "*nat\n:KUBE-POSTROUTING - [0:0]\n-A POSTROUTING -j KUBE-POSTROUTING\n"
            + "-A KUBE-POSTROUTING -m comment --comment \"kubernetes service traffic requiring SNAT\""
            + " -m mark --mark 0x4000/0x4000 -j MASQUERADE --random-fully\nCOMMIT\n";
    private static final String FIXED = "*nat\n:KUBE-POSTROUTING - [0:0]\n:FLANNEL-POSTRTG - [0:0]\n"
            + "-A POSTROUTING -j KUBE-POSTROUTING\n-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN\n"
            + "-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000\n-A KUBE-POSTROUTING -j MASQUERADE --random-fully\nCOMMIT\n";
    private static final List<String> EXTRA = List.of(NatViews.LEGACY, NatViews.NFT, NatViews.K3S);

    @TempDir
    Path tmp;

    @BeforeEach
    void needsRootAndBothIptables() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/xtables-legacy-multi"))
                && Files.isExecutable(Path.of("/usr/sbin/xtables-nft-multi")), "needs iptables-legacy and -nft");
        Process probe = new ProcessBuilder("unshare", "-mn", "true").redirectErrorStream(true).start();
        Assumptions.assumeTrue(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0, "unshare -mn (root)");
        Assumptions.assumeTrue(run("iptables-nft -t nat -S >/dev/null && iptables-legacy -t nat -S >/dev/null")
                .contains("@@nodefix:end iptables-nat rc="), "both iptables backends work here");
    }

    @Test
    void theLegacyWarningMakesItReadTheLegacyTablesAndTheirRulesCount() throws Exception {
        String out = run(restore("iptables-legacy-restore", UNFIXED));

        CollectorOutput sections = CollectorOutput.split(out);
        assertThat(sections.section(NatViews.DEFAULT).text()).as(out).contains("iptables-legacy tables present")
                .doesNotContain("-A KUBE-POSTROUTING");
        assertThat(sections.section(NatViews.LEGACY).lines()).as(out).contains("# from: iptables-legacy-save -t nat")
                .anyMatch(l -> l.startsWith("-A KUBE-POSTROUTING") && l.endsWith("--random-fully"));
        NodeFacts facts = NodeFacts.parse(out);
        assertThat(facts.kubePostrouting().form()).isEqualTo(KubePostrouting.Form.UNFIXED);
        assertThat(facts.kubePostrouting().randomFully()).contains(true);
        assertThat(facts.iptablesBackends().kubeIn()).containsExactly(IptablesVersion.Mode.LEGACY);
        assertThat(facts.iptablesBackends().hostDefault()).isEqualTo(IptablesVersion.Mode.NF_TABLES);
    }

    @Test
    void withNoLegacyTablesAnNftHostReadsNothingMore() throws Exception {
        String out = run(restore("iptables-nft-restore", UNFIXED));

        assertThat(CollectorOutput.split(out).sections()).as(out).doesNotContainKeys(EXTRA.toArray(String[]::new));
        assertThat(NodeFacts.parse(out).kubePostrouting().form()).isEqualTo(KubePostrouting.Form.UNFIXED);
    }

    @Test
    void aLegacyHostWithoutKubeProxysChainReadsTheNfTablesSet() throws Exception {
        String out = run(restore("iptables-nft-restore", FIXED) + " && " + tools("iptables-save",
                "exec /usr/sbin/iptables-legacy-save \"$@\""));

        CollectorOutput sections = CollectorOutput.split(out);
        assertThat(sections.section(NatViews.NFT).lines()).as(out).contains("# from: iptables-nft-save -t nat");
        NodeFacts facts = NodeFacts.parse(out);
        assertThat(facts.kubePostrouting().form()).isEqualTo(KubePostrouting.Form.FIXED);
        assertThat(facts.iptablesBackends().hostDefault()).isEqualTo(IptablesVersion.Mode.LEGACY);
        assertThat(facts.iptablesBackends().kubeIn()).containsExactly(IptablesVersion.Mode.NF_TABLES);
    }

    @Test
    void anOldHostIptablesIsBackedByK3sBundledOne() throws Exception {
        String old = "/usr/sbin/iptables-legacy-save \"$@\" | sed -e 's/ --random-fully//' -e 's/ v1\\.8\\.[0-9]*/ v1.4.21/'";
        String aux = "mount -t tmpfs none /var/lib && mkdir -p " + NatViews.K3S_AUX + " && ln -s"
                + " /usr/sbin/xtables-legacy-multi " + NatViews.K3S_AUX + "/iptables-legacy-save";
        String out = run(restore("iptables-legacy-restore", UNFIXED) + " && " + tools("iptables-save", old) + " && " + aux);

        CollectorOutput sections = CollectorOutput.split(out);
        assertThat(sections.section(NatViews.DEFAULT).text()).as(out).contains("v1.4.21").doesNotContain("random-fully");
        assertThat(sections.section(NatViews.K3S).lines()).as(out)
                .contains("# from: " + NatViews.K3S_AUX + "/iptables-legacy-save -t nat")
                .anyMatch(l -> l.endsWith("--random-fully"));
        assertThat(NodeFacts.parse(out).kubePostrouting().randomFully()).contains(true);
    }

    private static String restore(String tool, String rules) {
        return "printf '" + rules.replace("'", "'\\''") + "' | " + tool + " --noflush";
    }

    /** A setup that puts sh scripts {@code name, body} first on the collector's PATH (/usr/local/sbin). */
    private String tools(String name, String body) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("fake"));
        Path tool = dir.resolve(name);
        Files.writeString(tool, "#!/bin/sh\n" + body + "\n");
        assertThat(tool.toFile().setExecutable(true)).isTrue();
        return "mount --bind " + dir + " /usr/local/sbin";
    }

    /** The collector in new network and mount namespaces after {@code setup}. */
    private static String run(String setup) throws Exception {
        Process p = new ProcessBuilder("unshare", "-mn", "/bin/sh", "-c", setup + " && exec /bin/sh -s")
                .redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(CollectorScript.load().text().getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
