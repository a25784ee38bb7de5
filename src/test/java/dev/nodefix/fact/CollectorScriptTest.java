package dev.nodefix.fact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.inventory.Connection;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collector itself: a command that feeds it to {@code /bin/sh -s}, and a run on this machine that frames every section. */
class CollectorScriptTest {
    static final List<String> SECTIONS = List.of("kernel", "os-release", "iptables-nat", "iptables-k3s-version",
            "masquerade-help", "ip", "ethtool-features", "uplink-driver", "net-conf", "k3s-config", "k3s-config-d", "k3s-units",
            "k3s-env", "k3s-config-other", "subnet-env", "k3s-version", "services", "persistence", "hostname", "udp-snmp", "kernel-log");
    /** Printed only when the nat listing did not name the iptables version (no iptables-save, or it failed). */
    static final String IPTABLES_VERSION = "iptables-version";

    @Test
    void theCommandIsShReadingTheScriptOnStdin() {
        CollectorScript script = CollectorScript.load();

        assertThat(script.command().argv()).containsExactly("/bin/sh", "-s");
        assertThat(script.command().stdin()).hasValueSatisfying(
                b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo(script.text()));
    }

    @Test
    void thePeersAreTheOtherHostsAddressesAsArguments() {
        Host a = host("a", "10.99.0.11");
        Host b = host("b", "10.99.0.12");
        Host c = host("c", "10.99.0.13");
        Host alias = host("a-again", "10.99.0.11");
        Host named = host("d", "node-d.example");

        assertThat(CollectorScript.load().command(List.of(a, b, c, alias, named), a).argv())
                .containsExactly("/bin/sh", "-s", "--", "10.99.0.12", "10.99.0.13");
        assertThat(CollectorScript.load().command(List.of(a), a).argv()).containsExactly("/bin/sh", "-s");
        assertThat(CollectorScript.load().command(List.of("fe80::1", "x;reboot", "10.0.0.1")).argv())
                .containsExactly("/bin/sh", "-s", "--", "fe80::1", "10.0.0.1");
    }

    @Test
    void peerRoutesFromARunHere() throws Exception {
        NodeFacts facts = NodeFacts.parse(run("127.0.0.1", "127.0.0.2", "not;an-ip"));

        assertThat(facts.peerRoutes().present()).isTrue();
        assertThat(facts.peerRoutes().peers()).isEmpty(); // loopback addresses are the node itself: left out
    }

    private static List<String> concat(List<String> list, List<String> more) {
        List<String> all = new java.util.ArrayList<>(list);
        all.addAll(more);
        return all;
    }

    private static Host host(String name, String address) {
        return new Host(name, Map.of(), List.of(), Connection.to(address), Role.UNKNOWN);
    }

    private static String run(String... args) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of("/bin/sh", "-s", "--"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(CollectorScript.load().text().getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void withoutAnyToolEveryToolSectionIsAbsentAndTheRunSucceeds(@TempDir Path tmp) throws Exception {
        String out = isolated(tmp, "-rm", "mount -t tmpfs none /usr/sbin && mount -t tmpfs none /usr/bin");

        CollectorOutput sections = CollectorOutput.split(out);
        assertThat(sections.sections()).as(out).containsKeys(SECTIONS.toArray(String[]::new));
        for (String tool : List.of("iptables-nat", IPTABLES_VERSION, "masquerade-help", "ip", "ethtool-features",
                "uplink-driver", "k3s-version", "services")) {
            assertThat(sections.section(tool).status()).as(tool).isEqualTo(Section.Status.ABSENT);
        }
        NodeFacts facts = NodeFacts.parse(out);
        assertThat(facts.kernel().release()).isPresent(); // read from /proc by the shell
        assertThat(facts.iptables().mode()).isEqualTo(IptablesVersion.Mode.ABSENT);
        assertThat(facts.vxlan().exists()).isFalse();
        assertThat(facts.peerRoutes().present()).isFalse();
        // no dmesg, no journalctl: the log is read only when the UDP checksum error counter says there is one
        Section log = sections.section(KernelChecksumLog.SECTION);
        if (log.status() == Section.Status.ABSENT) {
            assertThat(facts.kernelLog().badChecksum()).isEqualTo(Observed.CANNOT_TELL); // not read: never "no symptom"
        } else {
            assertThat(log.lines()).containsExactly("# from: /proc/net/snmp (Udp InCsumErrors 0)");
            assertThat(facts.kernelLog().badChecksum()).isEqualTo(Observed.NO);
        }
    }

    @Test
    void theUdpCountersComeWithTheBootIdSoALaterReadingKnowsTheyDidNotRestart() throws Exception {
        String out = run();

        UdpCounters counters = UdpCounters.FACT.from(CollectorOutput.split(out));
        assertThat(counters.boot()).as(out).isEqualTo(Optional.of(Files.readString(
                Path.of("/proc/sys/kernel/random/boot_id")).strip()));
        assertThat(counters.readings()).hasSize(1);
        assertThat(NodeFacts.parse(out).udp().inCsumErrors()).isPresent();
    }

    @Test
    void aZeroUdpChecksumErrorCounterSparesTheKernelLog(@TempDir Path tmp) throws Exception {
        Path snmp = Files.writeString(tmp.resolve("snmp0"), "Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors"
                + " SndbufErrors InCsumErrors IgnoredMulti\nUdp: 47 0 0 48 0 0 0 0\n");
        String out = isolated(tmp, "-rm", "export NF_SNMP=" + snmp + " && " + fakeTools(tmp, "dmesg",
                "echo '[ 1.5] UDP: bad checksum. From 10.0.0.9:1 to 10.0.0.5:8472 ulen 75'"));

        Section log = CollectorOutput.split(out).section(KernelChecksumLog.SECTION);
        assertThat(log.lines()).as(out).containsExactly("# from: /proc/net/snmp (Udp InCsumErrors 0)");
        assertThat(NodeFacts.parse(out).kernelLog().badChecksum()).isEqualTo(Observed.NO);
    }

    @Test
    void theKernelLogSectionKeepsTheLast20BadChecksumLinesOfDmesg(@TempDir Path tmp) throws Exception {
        String out = isolated(tmp, "-rm", withChecksumErrors(tmp, fakeTools(tmp, "dmesg", "i=0; while [ $i -lt 25 ]; do i=$((i+1));"
                + " echo \"[ $i.5] UDP: bad checksum. From 10.0.0.9:$i to 10.0.0.5:8472 ulen 75\"; echo \"[ $i.6] other\"; done")));

        Section log = CollectorOutput.split(out).section(KernelChecksumLog.SECTION);
        assertThat(log.lines()).as(out).hasSize(21).startsWith("# from: dmesg -l debug")
                .contains("[ 6.5] UDP: bad checksum. From 10.0.0.9:6 to 10.0.0.5:8472 ulen 75").doesNotContain("[ 6.6] other");
        assertThat(log.lines().get(1)).startsWith("[ 6.5]");
        assertThat(NodeFacts.parse(out).kernelLog().badChecksum()).isEqualTo(Observed.YES);
    }

    @Test
    void aDmesgWithoutLevelsLikeBusyboxsIsReadWhole(@TempDir Path tmp) throws Exception {
        String out = isolated(tmp, "-rm", withChecksumErrors(tmp, fakeTools(tmp, "dmesg", "[ \"$1\" = -l ] && { echo 'dmesg: invalid option -- l' >&2;"
                + " exit 1; }; echo '[ 9.1] UDP: bad checksum. From 10.0.0.9:1 to 10.0.0.5:8472 ulen 75'")));

        Section log = CollectorOutput.split(out).section(KernelChecksumLog.SECTION);
        assertThat(log.lines()).as(out).containsExactly("# from: dmesg",
                "[ 9.1] UDP: bad checksum. From 10.0.0.9:1 to 10.0.0.5:8472 ulen 75");
    }

    @Test
    void whenDmesgMayNotReadTheLogJournalctlIsRead(@TempDir Path tmp) throws Exception {
        String out = isolated(tmp, "-rm", withChecksumErrors(tmp, fakeTools(tmp, "dmesg", "echo 'dmesg: read kernel buffer failed' >&2; exit 1",
                "journalctl", "echo 'Dec 02 07:00:00 n1 kernel: eth0: link up'")));

        Section log = CollectorOutput.split(out).section(KernelChecksumLog.SECTION);
        assertThat(log.lines()).as(out).containsExactly("# from: journalctl -k");
        assertThat(NodeFacts.parse(out).kernelLog().badChecksum()).isEqualTo(Observed.NO);
    }

    @Test
    void whenNeitherLogCanBeReadTheKernelLogIsAbsent(@TempDir Path tmp) throws Exception {
        String out = isolated(tmp, "-rm", withChecksumErrors(tmp, fakeTools(tmp, "dmesg", "exit 1", "journalctl", "exit 0")));

        assertThat(CollectorOutput.split(out).section(KernelChecksumLog.SECTION).status()).as(out)
                .isEqualTo(Section.Status.ABSENT);
        assertThat(NodeFacts.parse(out).kernelLog().badChecksum()).isEqualTo(Observed.CANNOT_TELL);
    }

    /** A setup whose /proc/net/snmp counts UDP checksum errors, so that the collector reads the kernel log. */
    private static String withChecksumErrors(Path tmp, String setup) throws Exception {
        Path snmp = Files.writeString(tmp.resolve("snmp"), "Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors"
                + " SndbufErrors InCsumErrors IgnoredMulti\nUdp: 47 0 3 48 0 0 3 0\n");
        return "export NF_SNMP=" + snmp + " && " + setup;
    }

    /** A setup that puts sh scripts {@code name, body, ...} first on the collector's PATH (/usr/local/sbin). */
    private static String fakeTools(Path tmp, String... nameBody) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("fake"));
        for (int i = 0; i < nameBody.length; i += 2) {
            Path tool = dir.resolve(nameBody[i]);
            Files.writeString(tool, "#!/bin/sh\n" + nameBody[i + 1] + "\n");
            tool.toFile().setExecutable(true);
        }
        return "mount --bind " + dir + " /usr/local/sbin";
    }

    @Test
    void withoutIptablesSaveTheNatTableIsListedWithIptablesS(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/xtables-nft-multi")), "needs iptables-nft");
        String out = isolated(tmp, "-rmn", "mkdir " + tmp + "/sbin && mount --bind /usr/sbin " + tmp + "/sbin"
                + " && mount -t tmpfs none /usr/sbin && ln -s " + tmp + "/sbin/xtables-nft-multi /usr/sbin/iptables");

        CollectorOutput sections = CollectorOutput.split(out);
        assertThat(sections.section("iptables-nat").lines()).as(out).contains("-P POSTROUTING ACCEPT");
        assertThat(sections.section(IPTABLES_VERSION).succeeded()).as(out).isTrue();
        NodeFacts facts = NodeFacts.parse(out);
        assertThat(facts.iptables().version()).isPresent();
        assertThat(facts.kubePostrouting().form()).isEqualTo(KubePostrouting.Form.ABSENT); // a fresh network namespace
    }

    @Test
    void whenIptablesSaveMayNotReadTheRulesTheVersionComesFromIptables(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/iptables-save")), "needs iptables-save");
        String out = isolated(tmp, "-rm", "true"); // a user namespace: root in name only

        NodeFacts facts = NodeFacts.parse(out);
        assertThat(facts.iptables().version()).as(out).isPresent();
        assertThat(facts.kubePostrouting().form()).isEqualTo(KubePostrouting.Form.UNKNOWN);
    }

    /**
     * The collector run by a copy of /bin/sh in new namespaces ({@code unshare FLAGS}) after {@code setup}, so
     * setup can hide tools with mounts that only this run sees. Skipped where unshare cannot do that.
     */
    private static String isolated(Path tmp, String flags, String setup) throws Exception {
        Path sh = Files.copy(Path.of("/bin/sh"), tmp.resolve("sh"), StandardCopyOption.COPY_ATTRIBUTES);
        Process probe = new ProcessBuilder("unshare", flags, "true").redirectErrorStream(true).start();
        Assumptions.assumeTrue(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0, "unshare " + flags);
        Process p = new ProcessBuilder("unshare", flags, sh.toString(), "-c", setup + " && exec " + sh + " -s")
                .redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(CollectorScript.load().text().getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void aRunHereFramesEverySectionAndNeverAborts() throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-s").redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(CollectorScript.load().text().getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        CollectorOutput sections = CollectorOutput.split(out);
        assertThat(sections.sections()).as(out).containsKeys(SECTIONS.toArray(String[]::new));
        List<String> optional = List.of(IPTABLES_VERSION, NatViews.LEGACY, NatViews.NFT, NatViews.K3S,
                NftListing.SECTION);
        assertThat(sections.sections().keySet()).as(out).isSubsetOf(concat(SECTIONS, optional));
        assertThat(p.exitValue()).isZero();
    }
}
